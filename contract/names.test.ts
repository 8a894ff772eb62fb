// Name spellings in each script: what deriveNames stores and which typed spellings reach the same keys.
import { describe, expect, it } from 'vitest';
import { deriveNames, joinedKey, MAX_ALIASES, nameKey, queryKeys, toPinyin, matchKeys, toTitlePinyin } from './names.ts';

/** True when every typed word has a key among the name's keys, or all of them run together do. */
function finds(names: { nameKeys: string[] }, typed: string): boolean {
  const keys = queryKeys(typed);
  return keys.every((key) => names.nameKeys.includes(key)) || names.nameKeys.includes(joinedKey(typed.split(/\s+/)));
}

const chenQuanguo = deriveNames({ name: 'Chen Quanguo', nameZh: '陈全国', pinyin: 'Chén Quánguó' });
const shohratZakir = deriveNames({ name: 'Shohrat Zakir', nameZh: '雪克来提·扎克尔', pinyin: "Xuěkèláití Zhākè'ěr", aliases: ['شۆھرەت زاكىر'] });
const abdukerim = deriveNames({ name: 'Abdukérim Tursunjan', nameZh: '阿不都克热木·吐尔逊江' });

describe('Chinese names', () => {
  it('are found by characters, pinyin with or without tones, spaced or run together, in any case', () => {
    for (const typed of ['陈全国', 'Chén Quánguó', 'chen quanguo', 'chenquanguo', 'CHEN QUANGUO', 'chen quan guo']) {
      expect(finds(chenQuanguo, typed), typed).toBe(true);
    }
    const xi = deriveNames({ name: 'Xi Jinping', nameZh: '习近平', pinyin: 'Xí Jìnpíng' });
    for (const typed of ['xi jinping', 'xijinping', 'Xí Jìnpíng', 'XI JINPING']) expect(finds(xi, typed), typed).toBe(true);
  });

  it('keep the run-together spelling as an alias, never the name itself', () => {
    expect(chenQuanguo.aliases).toEqual(['Chenquanguo']);
  });

  it('get pinyin from pinyin-pro when the sources give none: surname apart, surname readings', () => {
    expect(toPinyin('陈全国')).toBe('Chén Quánguó');
    expect(toPinyin('单雄信')).toBe('Shàn Xióngxìn');
    expect(toPinyin('欧阳修')).toBe('Ōuyáng Xiū');
    expect(deriveNames({ name: 'Chen Quanguo', nameZh: '陈全国' }).aliases).toEqual(['Chén Quánguó', 'Chenquanguo']);
  });

  it('read characters as a name only when they are one: an agency gets no pinyin alias', () => {
    expect(deriveNames({ name: 'Ministry of Public Security', nameZh: '公安部' }).aliases).toEqual([]);
    expect(deriveNames({ name: 'Ministry of Public Security', nameZh: '公安部', person: true }).aliases).toContain('Gōng Ānbù');
    expect(toPinyin('新疆维吾尔自治区公安厅')).toBeUndefined();
  });
});

describe('Uyghur names', () => {
  it('are found by the official pinyin-based spelling, the Chinese characters and the English one', () => {
    for (const typed of ['shohrat zakir', 'Shohrat', 'Xuekelaiti', 'Xuěkèláití', 'xuekelaiti zhakeer', "zhake'er", '雪克来提']) {
      expect(finds(shohratZakir, typed), typed).toBe(true);
    }
    expect(shohratZakir.aliases).toEqual(['شۆھرەت زاكىر', "Xuekelaiti Zhake'er"]);
  });

  it('are found with or without diacritics and with -jan or -jang', () => {
    for (const typed of ['abdukerim tursunjang', 'Abdukerim Tursunjan', 'ABDUKERIM', 'Abdukérim', 'abdukerimtursunjang']) {
      expect(finds(abdukerim, typed), typed).toBe(true);
    }
    expect(abdukerim.aliases).toEqual([
      "Ābùdūkèrèmù Tǔ'ěrxùnjiāng",
      "Abudukeremu Tu'erxunjiang",
      'Abdukérim Tursunjang',
      'Abdukerim Tursunjan',
      'Abdukerim Tursunjang',
    ]);
  });

  it('fold q/k, x/sh, gh/g, Uighur/Uyghur and Turkish letters onto one key', () => {
    expect(nameKey('Qurban')).toBe(nameKey('Kurban'));
    expect(nameKey('Xöhret')).toBe(nameKey('Shohret'));
    expect(nameKey('Şöhret')).toBe(nameKey('Shöhret'));
    expect(nameKey('Ghulja')).toBe(nameKey('Gulja'));
    for (const spelling of ['Uighur', 'Uyghur', 'UIGUR', 'Uygur']) expect(nameKey(spelling), spelling).toBe('uygur');
  });

  it('get ULY/English spelling variants as aliases when the Chinese form is a transliteration', () => {
    const aliases = deriveNames({ name: 'Xöhret Qurban', nameZh: '肖开提·库尔班' }).aliases;
    expect(aliases).toEqual(expect.arrayContaining(['Shohret Kurban', 'Xohret Qurban', "Xiaokaiti Ku'erban"]));
  });

  it('spell the people the same both ways in any name', () => {
    const party = deriveNames({ name: 'Xinjiang Uyghur Autonomous Region', nameZh: '新疆维吾尔自治区' });
    expect(party.aliases).toEqual(['Xinjiang Uighur Autonomous Region']);
  });
});

describe('aliases', () => {
  it('keep the given ones first, add no duplicates, and stay bounded', () => {
    const long = deriveNames({ name: 'Abdukérim Tursunjan Qurbanjan Xöhret', nameZh: '阿不都克热木·吐尔逊江·库尔班江·肖开提', aliases: ['A. Tursunjan'] });
    expect(long.aliases[0]).toBe('A. Tursunjan');
    expect(long.aliases).toHaveLength(MAX_ALIASES);
    expect(new Set(long.aliases.map((alias) => alias.toLowerCase())).size).toBe(MAX_ALIASES);
  });

  it('carry a synthetic marker onto every spelling derived from a marked name', () => {
    const synthetic = deriveNames({ name: 'Abdukérim Tursunjan (synthetic D-000042)', nameZh: '阿不都克热木·吐尔逊江（合成）' });
    expect(synthetic.aliases.length).toBeGreaterThan(0);
    for (const alias of synthetic.aliases) expect(alias).toMatch(/ \(synthetic D-000042\)$/);
    expect(finds(synthetic, 'abdukerim tursunjang')).toBe(true);
  });

  it('are stable: deriving again from the derived aliases changes nothing', () => {
    const input = { name: 'Shohrat Zakir', nameZh: '雪克来提·扎克尔', pinyin: "Xuěkèláití Zhākè'ěr" };
    const once = deriveNames(input);
    expect(deriveNames({ ...input, aliases: once.aliases })).toEqual(once);
  });
});

describe('queryKeys', () => {
  it('folds typed words like names, keeps characters, and drops punctuation-only words', () => {
    expect(queryKeys('Chén  Quánguó')).toEqual(['chen', 'kuanguo']);
    expect(queryKeys('雪克来提·扎克尔')).toEqual(['雪克来提', '扎克尔']);
    expect(queryKeys('a:b OR * "')).toEqual(['ab', 'or']);
  });
});

describe('names in characters only', () => {
  it('get a pinyin reading whatever the kind, with the designation apart, so "Shufu" finds 疏附县', () => {
    expect(toTitlePinyin('疏附县')).toBe('Shūfù Xiàn');
    const county = deriveNames({ name: '疏附县' });
    expect(county.aliases).toEqual(['Shūfù Xiàn', 'Shufu Xian', 'Shufuxian']);
    expect(county.nameKeys).toContain('shufu');
    expect(deriveNames({ name: 'Shufu County', nameZh: '疏附县' }).aliases).toEqual([]);
  });

  it('match whole names in every script, a person also through the pinyin of their characters', () => {
    expect(matchKeys({ name: 'Chen Quanguo', nameZh: '陈全国', person: true })).toEqual(['chenkuanguo', '陈全国']);
    expect(matchKeys({ name: '陈全国', person: true })).toEqual(['陈全国', 'chenkuanguo']);
    expect(matchKeys({ name: 'Shufu County Public Security Bureau (unverified)' })).toEqual(['shufucountypublicsecuritybureau']);
  });
});
