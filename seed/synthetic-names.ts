// Deterministic names for the seed's synthetic guards, detainees and relatives: plausible in form so
// search is exercised in every script, and marked in every script so none reads as a real person.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { deriveNames, nameKey, nameWords, toPinyin, withoutTones } from '../contract/names.ts';
import reference from './public-record.json' with { type: 'json' };

/** Node properties for a synthetic person's names; spread into the node as they are. */
export interface SyntheticName {
  /** Latin script, ending " (synthetic G-000123)" (guard), "D-" (detainee), "P-" (relative) or "R-" (a detainee recorded again). */
  name: string;
  /** Chinese characters, ending "（合成）" ("synthetic"). */
  nameZh: string;
  /** Pinyin with tone marks, carrying the same marker as `name`. */
  pinyin?: string;
  aliases: string[];
  nameKeys: string[];
}

/** Common surnames of Han Chinese; none needs a reading other than pinyin-pro's surname reading. */
const HAN_SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁姚卢姜崔钟谭陆汪范金廖夏韦方白邹孟熊秦邱尹薛段雷侯龙陶黎贺顾毛郝龚邵钱严武戴孔向',
];

/** Characters common in given names, each with one usual reading, so the generated pinyin is right. */
const HAN_GIVEN = [...'伟芳敏静丽磊军洋勇艳杰娟涛明超秀霞平刚英建文辉力鹏宇浩凯鑫婷雪琳晨阳峰斌波俊海玲东亮林春志新成永兵佳欣丹'];

interface UyghurName {
  /** As spelled here: ULY (Uyghur Latin Yéziqi), except where a note says otherwise. */
  latin: string;
  /** The usual Chinese transliteration. */
  zh: string;
  male: boolean;
}

/**
 * Common Uyghur given names with their usual Chinese transliterations; kept to ones whose
 * transliteration is well established. Spellings vary on purpose so variant search is exercised:
 * diacritics (Abdukérim, Yüsüp, Ömer, Gülnar), q (Qurban, Qasim), the suffix -jan (Tursunjan,
 * Ehmetjan, Memetjan), and a pinyin-style x (Xewket; ULY writes Shewket).
 */
const UYGHUR_NAMES: readonly UyghurName[] = [
  { latin: 'Abdukérim', zh: '阿不都克热木', male: true },
  { latin: 'Abdulla', zh: '阿不都拉', male: true },
  { latin: 'Tursun', zh: '吐尔逊', male: true },
  { latin: 'Tursunjan', zh: '吐尔逊江', male: true },
  { latin: 'Memet', zh: '买买提', male: true },
  { latin: 'Memetjan', zh: '买买提江', male: true },
  { latin: 'Nurmemet', zh: '努尔买买提', male: true },
  { latin: 'Ehmet', zh: '艾合买提', male: true },
  { latin: 'Ehmetjan', zh: '艾合买提江', male: true },
  { latin: 'Qurban', zh: '库尔班', male: true },
  { latin: 'Qasim', zh: '卡斯木', male: true },
  { latin: 'Rozi', zh: '肉孜', male: true },
  { latin: 'Yasin', zh: '亚森', male: true },
  { latin: 'Eli', zh: '艾力', male: true },
  { latin: 'Yüsüp', zh: '玉苏甫', male: true },
  { latin: 'Ömer', zh: '吾买尔', male: true },
  { latin: 'Tahir', zh: '塔依尔', male: true },
  { latin: 'Imin', zh: '依明', male: true },
  { latin: 'Xewket', zh: '肖开提', male: true },
  { latin: 'Gülnar', zh: '古丽娜尔', male: false },
  { latin: 'Gülmire', zh: '古丽米热', male: false },
  { latin: 'Nurgül', zh: '努尔古丽', male: false },
  { latin: 'Aygül', zh: '阿依古丽', male: false },
  { latin: 'Patigül', zh: '帕提古丽', male: false },
  { latin: 'Reyhan', zh: '热依汗', male: false },
];
const FATHERS = UYGHUR_NAMES.filter((entry) => entry.male);

/**
 * Names of the people in the public record, folded as search folds them. A synthetic person never
 * gets one, even marked: a search for a real official must not turn up a generated namesake.
 */
const realNames = new Set(
  reference.people.flatMap((person) =>
    [person.name_en, person.name_zh, person.pinyin].filter((name): name is string => typeof name === 'string').map(foldedName),
  ),
);

function foldedName(name: string): string {
  return nameWords(name.replace(/[(（][^()（）]*[)）]/gu, ''))
    .map(nameKey)
    .join('');
}

/**
 * Pure functions of a few hundred distinct names, asked millions of times at the 10m scale (pinyin
 * segmentation is the costly part): each answer kept after its first use. Same answers, so same rows.
 */
const pinyinOf = new Map<string, string>();
const realOf = new Map<string, boolean>();

function cachedPinyin(zh: string): string {
  let pinyin = pinyinOf.get(zh);
  if (pinyin === undefined) {
    pinyin = toPinyin(zh)!;
    pinyinOf.set(zh, pinyin);
  }
  return pinyin;
}

function isRealName(zh: string, latin: string): boolean {
  const key = `${zh}|${latin}`;
  let real = realOf.get(key);
  if (real === undefined) {
    real = realNames.has(foldedName(zh)) || realNames.has(foldedName(latin));
    realOf.set(key, real);
  }
  return real;
}

function pick<T>(rng: RandomGenerator, items: readonly T[]): T {
  return items[uniformInt(rng, 0, items.length - 1)]!;
}

function marker(kind: 'G' | 'D' | 'P' | 'R', serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 0) throw new RangeError(`serial must be a non-negative integer, got ${serial}`);
  return ` (synthetic ${kind}-${String(serial).padStart(6, '0')})`;
}

/** Serial digits of the template that `marked` derives once per name and kind. */
const TEMPLATE_SERIAL = '000000';
const derivedTemplates = new Map<string, ReturnType<typeof deriveNames>>();

/**
 * Deriving spellings costs ~50 µs, and a large seed has millions of people sharing a few hundred
 * names: derive once per name with a template serial, then write each person's serial into it.
 */
function marked(latin: string, zh: string, pinyin: string, suffix: string): SyntheticName {
  const names = { name: latin + suffix, nameZh: `${zh}（合成）`, pinyin: pinyin + suffix };
  const serial = /(\d{6,})\)$/.exec(suffix)![1]!;
  const templateSuffix = suffix.replace(serial, TEMPLATE_SERIAL);
  const key = `${latin}|${zh}|${pinyin}|${templateSuffix}`;
  let template = derivedTemplates.get(key);
  if (!template) {
    template = deriveNames({ name: latin + templateSuffix, nameZh: names.nameZh, pinyin: pinyin + templateSuffix, person: true });
    derivedTemplates.set(key, template);
  }
  const withSerial = (text: string) => text.replaceAll(TEMPLATE_SERIAL, serial);
  return { ...names, aliases: template.aliases.map(withSerial), nameKeys: template.nameKeys.map(withSerial) };
}

/** A Han Chinese name: a common surname and a one- or two-character given name, with its pinyin. */
export function syntheticGuardName(rng: RandomGenerator, serial: number): SyntheticName {
  const suffix = marker('G', serial);
  for (;;) {
    const givenLength = uniformInt(rng, 1, 10) <= 3 ? 1 : 2;
    const zh = pick(rng, HAN_SURNAMES) + Array.from({ length: givenLength }, () => pick(rng, HAN_GIVEN)).join('');
    const pinyin = cachedPinyin(zh);
    const latin = withoutTones(pinyin);
    if (isRealName(zh, latin)) continue;
    return marked(latin, zh, pinyin, suffix);
  }
}

/** A Uyghur name as records give it: the person's given name, then the father's. */
function uyghurName(rng: RandomGenerator, suffix: string): SyntheticName {
  for (;;) {
    const given = pick(rng, UYGHUR_NAMES);
    const father = pick(rng, FATHERS);
    if (given === father) continue;
    const latin = `${given.latin} ${father.latin}`;
    const zh = `${given.zh}·${father.zh}`;
    if (isRealName(zh, latin)) continue;
    return marked(latin, zh, cachedPinyin(zh), suffix);
  }
}

export function syntheticDetaineeName(rng: RandomGenerator, serial: number): SyntheticName {
  return uyghurName(rng, marker('D', serial));
}

/** A relative named in a detainee's records: a Uyghur name like the detainee's. */
export function syntheticRelativeName(rng: RandomGenerator, serial: number): SyntheticName {
  return uyghurName(rng, marker('P', serial));
}

/** A detainee recorded a second time (seed/synthetic/duplicates.ts), under a spelling the caller varied. */
export function syntheticRecordedAgainName(latin: string, zh: string, pinyin: string, serial: number): SyntheticName {
  return marked(latin, zh, pinyin, marker('R', serial));
}
