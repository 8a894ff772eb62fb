// Spellings of a name an analyst may type (aliases) and the folded keys search matches (nameKeys).
// Pure and free of Node APIs: the seed, the importer, the server and the client all use it.
import { pinyin as readPinyin } from 'pinyin-pro';

export interface NameInput {
  name: string;
  nameZh?: string;
  pinyin?: string;
  aliases?: string[];
  /**
   * Whether these are a person's names, so that a Chinese name in characters is read as surname +
   * given name. Left out, characters are read as a personal name only when the Latin `name` spells
   * their pinyin (so 公安部, "Ministry of Public Security", gets no pinyin alias like "Gōng Ānbù").
   */
  person?: boolean;
}

export interface DerivedNames {
  /** The given aliases, then generated spellings; never the name itself; at most MAX_ALIASES unless more were given. */
  aliases: string[];
  /** Folded matching keys (see nameKey), per word and for whole names written as one word. */
  nameKeys: string[];
}

/** Generated spellings multiply per word; past this many they stop helping an analyst read a node. */
export const MAX_ALIASES = 24;

/**
 * Words are cut at white space and at the interpunct that Chinese uses between the parts of a
 * transliterated name (雪克来提·扎克尔), in its several code points, and at brackets and list
 * punctuation. Hyphens and apostrophes stay inside a word: "Quan-guo" and "Zhākè'ěr" are one word
 * whose parts an analyst may also type run together.
 */
const WORD_SEPARATORS = /[\s·•‧・･,;/()（）[\]{}"“”]+/u;

export function nameWords(text: string): string[] {
  return text.split(WORD_SEPARATORS).filter(Boolean);
}

/**
 * Letters of other Latin alphabets that Unicode does not decompose into a base letter plus a mark.
 * ı is Turkish dotless i; ə and ɵ are letters of the pinyin-based Uyghur "new script" (1960s-80s)
 * still met in older romanisations; ş and ç are Turkish spellings (Şöhret) of what ULY writes sh, ch.
 */
const LETTER_FOLDS: Record<string, string> = { ı: 'i', ə: 'e', ɵ: 'o', ş: 'sh', ç: 'ch' };

/**
 * Lower case, no diacritics on Latin letters (é ö ü, and pinyin tone marks: Quánguó, Lǚ), nothing
 * but letters and digits (Zhākè'ěr -> zhakeer, Quan-guo -> quanguo). Marks are stripped only after a
 * Latin letter, so Arabic-script Uyghur (ئ = ى + hamza) keeps its letters. Chinese characters stay
 * as they are: the index's CJK analyzer matches them by bigrams.
 */
export function plainKey(word: string): string {
  let key = plainKeys.get(word);
  if (key === undefined) {
    if (plainKeys.size >= MAX_CACHED_WORDS) plainKeys.clear();
    key = foldPlain(word);
    plainKeys.set(word, key);
  }
  return key;
}

/**
 * Names repeat their words (the seed draws millions of names from a few hundred words), and
 * Unicode normalisation is most of the cost of deriving a node's names; the cache is cleared when
 * full rather than evicting one by one.
 */
const MAX_CACHED_WORDS = 50_000;
const plainKeys = new Map<string, string>();

function foldPlain(word: string): string {
  return word
    .toLowerCase()
    .replace(/[ıəɵşç]/gu, (letter) => LETTER_FOLDS[letter]!)
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The one spelling a word is matched by. Rules run in this order on plainKey's output; each maps a
 * spelling difference met in Latin renderings of Uyghur names onto one side, so all of them meet.
 * - gh -> g: ULY (Uyghur Latin Yéziqi) writes غ as gh; English-language spellings often drop the h.
 * - uigur -> uygur (Uighur, Uyghur, Uigur, Uygur, after gh -> g): the people's own name, Uighur in
 *   older English usage, Uyghur in ULY-based usage.
 * - q -> k: ULY q is ق, which English-language spellings often write k (Qurban, Kurban).
 * - x -> sh: pinyin, and the pinyin-based Uyghur new script, write x for a sound that ULY writes sh
 *   (Xöhret, Shöhret). In ULY itself x is خ (Xoten = Hotan/Khotan); that spelling is not folded.
 * - jang -> jan: the suffix -jan (Tursunjan) is transliterated 江 (jiāng) in Chinese, and spellings
 *   taken from the Chinese form end in -jang. Folded anywhere in a word, not only at its end, so a
 *   name typed run together (Tursunjangimin) meets too; pinyin never has "jang" (j is always
 *   followed by i or u), so no Chinese name changes.
 * A query cannot say which script it is in, so pinyin goes through the same rules. In pinyin q and
 * k, x and sh are different sounds (quan, kuan; xi, shi), so two Chinese names may share a key; the
 * raw fields still match only the exact spelling, which therefore ranks first.
 */
export function nameKey(word: string): string {
  const plain = plainKey(word);
  if (!/[a-z]/.test(plain)) return plain;
  return plain
    .replace(/gh/g, 'g')
    .replace(/^uigur(s?)$/, 'uygur$1')
    .replace(/q/g, 'k')
    .replace(/x/g, 'sh')
    .replace(/jang/g, 'jan');
}

/** The key of a name's words typed as one (Xi Jinping -> xijinping), folded after joining as a typed word would be. */
export function joinedKey(words: readonly string[]): string {
  return nameKey(words.map(plainKey).join(''));
}

/** What the analyst typed, folded word by word like the names it should find. */
export function queryKeys(text: string): string[] {
  return nameWords(text).map(nameKey).filter(Boolean);
}

/** A run-together form is worth a key for a name of a few words (Xi Jinping), not for an agency's title. */
const MAX_JOINED_WORDS = 4;

/** A trailing "(…)" or "（…）" qualifies a name (a marker, "unverified", another spelling); it is not part of it. */
const QUALIFIER = /\s*[(（][^()（）]*[)）]/gu;

/** The project's mark on generated people (seed/synthetic-names.ts); every spelling derived from such a name keeps it. */
const SYNTHETIC_MARKER = /\s*\(synthetic [^()]*\)\s*$/u;

function keysOf(text: string): string[] {
  const keys = nameWords(text).map(nameKey).filter(Boolean);
  const bareWords = nameWords(text.replace(QUALIFIER, ' ')).filter((word) => plainKey(word));
  if (bareWords.length >= 2 && bareWords.length <= MAX_JOINED_WORDS) keys.push(joinedKey(bareWords));
  return keys;
}

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;
const TRANSLITERATED_NAME = /^\p{Script=Han}+(?:[·•‧・･]\p{Script=Han}+)+$/u;

/** Standard two-character surnames; every other Han name is read with a one-character surname. */
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木']);

/**
 * Characters chosen for their sound in transliterated names, read as in names rather than as in
 * running text, where pinyin-pro would read 都 dōu ("all") and 肖 xiào ("resemble"): 阿不都 is Abudu.
 */
const TRANSLITERATION_READINGS: Record<string, string> = { 都: 'dū', 肖: 'xiāo' };

const TONE_MARKS = /[\u0300\u0301\u0304\u030c]/gu;

/** Pinyin without tone marks but keeping ü, as written when tones are left out (Lü, not Lu). */
export function withoutTones(text: string): string {
  return text.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
}

/** Syllables of one word run together; an apostrophe before a syllable starting a, o or e keeps Xī'ān apart from xiān. */
function pinyinWord(syllables: readonly string[]): string {
  const word = syllables.map((syllable, i) => (i > 0 && /^[aoe]/.test(withoutTones(syllable)) ? `'${syllable}` : syllable)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A Chinese personal name in pinyin with tone marks, written as names are: surname apart from the
 * given name (陈全国 -> Chén Quánguó), each part of a transliterated name one word
 * (雪克来提·扎克尔 -> Xuěkèláití Zhākè'ěr). Undefined when the characters do not read as a personal
 * name: more than four characters without an interpunct, or anything that is not Han.
 * Polyphonic characters are read as pinyin-pro reads them (surnames in surname mode); a reading the
 * sources give in `pinyin` always wins over this one.
 */
export function toPinyin(nameZh: string): string | undefined {
  const bare = nameZh.replace(QUALIFIER, '').trim();
  const options = { type: 'array', toneSandhi: false } as const;
  if (HAN_NAME.test(bare)) {
    const syllables = readPinyin(bare, { ...options, mode: 'surname', surname: 'head' });
    const surnameLength = COMPOUND_SURNAMES.has(bare.slice(0, 2)) && bare.length > 2 ? 2 : 1;
    return `${pinyinWord(syllables.slice(0, surnameLength))} ${pinyinWord(syllables.slice(surnameLength))}`;
  }
  if (TRANSLITERATED_NAME.test(bare)) {
    return nameWords(bare)
      .map((part) => pinyinWord([...part].map((character) => TRANSLITERATION_READINGS[character] ?? readPinyin(character, options)[0]!)))
      .join(' ');
  }
  return undefined;
}

/**
 * Final characters that name what a place or body is (county, city, district, township, bureau,
 * department…): read as a word of their own, so "Shufu" finds 疏附县 (Shūfù Xiàn) as a word, not
 * only as the start of one.
 */
const DESIGNATION_SUFFIXES = new Set([...'县市区乡镇村州省旗盟局厅委部处所队院校场站']);

/** Longer names in characters are titles of bodies; a reading of the whole title helps nobody type it. */
const MAX_READ_TITLE = 12;

/**
 * A name in characters that is not a personal name (a place, an organisation, a facility) in pinyin
 * with tone marks: the syllables run together as one word, a designation suffix apart
 * (疏附县 -> Shūfù Xiàn, 公安部 -> Gōng'ān Bù). Undefined for anything that is not all Han.
 */
export function toTitlePinyin(text: string): string | undefined {
  const bare = text.replace(QUALIFIER, '').trim();
  if (!/^\p{Script=Han}{2,}$/u.test(bare) || bare.length > MAX_READ_TITLE) return undefined;
  const syllables = readPinyin(bare, { type: 'array', toneSandhi: false });
  const suffixed = bare.length > 2 && DESIGNATION_SUFFIXES.has(bare.at(-1)!);
  return suffixed ? `${pinyinWord(syllables.slice(0, -1))} ${pinyinWord(syllables.slice(-1))}` : pinyinWord(syllables);
}

function stripLatinMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC');
}

/** Keeps a spelling's capitals where the folding changes a letter (Qurban -> Kurban, Xöhret -> Shöhret). */
function matchCase(replacement: string, original: string): string {
  return original === original.toLowerCase() ? replacement : replacement.charAt(0).toUpperCase() + replacement.slice(1);
}

/**
 * Spellings of one word of a Uyghur name, the word itself first, fewest rules applied first. Each
 * rule goes the way English-language sources and analysts usually write it (why: see nameKey).
 */
function uyghurWordVariants(word: string): string[] {
  const rules: ((w: string) => string)[] = [
    stripLatinMarks,
    (w) => w.replace(/q/gi, (q) => matchCase('k', q)),
    (w) => w.replace(/x/gi, (x) => matchCase('sh', x)),
    (w) => w.replace(/gh/gi, (gh) => matchCase('g', gh)),
    (w) => (/jang$/i.test(w) ? w.slice(0, -1) : /jan$/i.test(w) ? `${w}g` : w),
  ];
  let variants = [{ spelling: word, rulesApplied: 0 }];
  for (const rule of rules) {
    const changed = variants
      .map(({ spelling, rulesApplied }) => ({ spelling: rule(spelling), rulesApplied: rulesApplied + 1 }))
      .filter((variant, i) => variant.spelling !== variants[i]!.spelling);
    variants = [...variants, ...changed];
  }
  const ordered = variants.sort((a, b) => a.rulesApplied - b.rulesApplied).map(({ spelling }) => spelling);
  return [...new Set(ordered)];
}

/** The people's name in both of its common English spellings, in any name (organisations' too). */
function ethnonymVariants(word: string): string[] {
  const match = /^(u)[iy]gh?ur(s?)$/i.exec(word);
  if (!match) return [word];
  return [word, `${match[1]}yghur${match[2]}`, `${match[1]}ighur${match[2]}`];
}

/** Every combination of per-word spellings, fewest changed words first; the first is the original. */
function combine(perWord: string[][]): string[][] {
  let combinations: { words: string[]; cost: number }[] = [{ words: [], cost: 0 }];
  for (const variants of perWord) {
    combinations = combinations.flatMap(({ words, cost }) => variants.map((variant, i) => ({ words: [...words, variant], cost: cost + i })));
    // Only the cheapest ones can survive the cap; keeping more would grow exponentially with the words.
    combinations = combinations.sort((a, b) => a.cost - b.cost).slice(0, MAX_ALIASES * 4);
  }
  return combinations.map(({ words }) => words);
}

/** Latin-name spellings: diacritics dropped, Uighur/Uyghur, and, for a Uyghur name, ULY vs English spellings. */
function latinVariants(name: string, uyghur: boolean): string[] {
  const marker = SYNTHETIC_MARKER.exec(name)?.[0] ?? '';
  const bare = marker ? name.slice(0, -marker.length) : name;
  const tokens = bare.split(/(\s+)/u);
  const perWord = tokens.map((token) => {
    if (/^\s*$/u.test(token)) return [token];
    const ethnonyms = ethnonymVariants(token);
    if (ethnonyms.length > 1) return ethnonyms;
    if (uyghur) return uyghurWordVariants(token);
    return [...new Set([token, stripLatinMarks(token)])];
  });
  return combine(perWord).map((words) => words.join('') + marker);
}

/** Pinyin as analysts type it: without tones, and a personal name's words run together (Chenquanguo). */
function pinyinVariants(pinyin: string, marker: string, joinable: boolean): string[] {
  const bare = pinyin.replace(SYNTHETIC_MARKER, '');
  const own = SYNTHETIC_MARKER.exec(pinyin)?.[0] ?? marker;
  const toneless = withoutTones(bare);
  const words = toneless.split(/\s+/u).filter(Boolean);
  const joined = words.length >= 2 && joinable ? [words[0] + words.slice(1).join('').toLowerCase()] : [];
  return [bare, toneless, ...joined].map((spelling) => spelling + own);
}

/**
 * Aliases and keys for one node's names. Deterministic and stable: deriving again with the returned
 * aliases as the given ones returns the same result, so a re-run of the seed or importer is a no-op.
 */
export function deriveNames(input: NameInput): DerivedNames {
  const given = input.aliases ?? [];
  const nameZh = input.nameZh?.replace(QUALIFIER, '').trim();
  const marker = SYNTHETIC_MARKER.exec(input.name)?.[0] ?? '';
  const transliterated = nameZh !== undefined && TRANSLITERATED_NAME.test(nameZh);
  const hanName = nameZh !== undefined && HAN_NAME.test(nameZh);

  // pinyin-pro only fills a gap: a reading the sources give is theirs, and a polyphonic character
  // misread here would become an alias that looks sourced.
  const readPinyinZh = !input.pinyin && nameZh ? toPinyin(nameZh) : undefined;
  const spellsName = readPinyinZh !== undefined && nameKey(input.name.replace(QUALIFIER, '')) === nameKey(withoutTones(readPinyinZh));
  const personal = input.person ?? (transliterated || spellsName);
  // A place or body named only in characters (no Latin name to type) is read as a title instead,
  // so "Shufu" finds 疏附县. One with a Latin name is found by it; a reading would only add noise.
  const latinName = /\p{Script=Latin}/u.test(input.name);
  const readTitle = !input.pinyin && !personal && !latinName ? toTitlePinyin(nameZh ?? input.name) : undefined;

  const generated = [
    ...(input.pinyin ? pinyinVariants(input.pinyin, marker, hanName) : []),
    ...(readPinyinZh && personal ? pinyinVariants(readPinyinZh, marker, hanName) : []),
    ...(readTitle ? pinyinVariants(readTitle, marker, true) : []),
    // A Uyghur name is recognised by its Chinese form: transliterated names are written with an interpunct.
    ...latinVariants(input.name, transliterated),
  ];

  const taken = new Set([input.name, input.nameZh ?? '', input.pinyin ?? ''].map((spelling) => spelling.toLowerCase()));
  const aliases: string[] = [];
  for (const alias of given) {
    if (!taken.has(alias.toLowerCase())) aliases.push(alias);
    taken.add(alias.toLowerCase());
  }
  for (const alias of generated) {
    if (aliases.length >= Math.max(MAX_ALIASES, given.length)) break;
    if (taken.has(alias.toLowerCase())) continue;
    taken.add(alias.toLowerCase());
    aliases.push(alias);
  }

  const sources = [input.name, input.nameZh ?? '', input.pinyin ?? '', ...aliases];
  return { aliases, nameKeys: [...new Set(sources.flatMap(keysOf))] };
}

/**
 * The keys a node is matched by on import (server/import/engine/matching.ts): each of its names
 * folded whole, words run together, qualifiers left out, in every script it is written in (the
 * characters, and their pinyin read as a personal name when the node is a person). Unlike
 * `nameKeys`, no key stands for a single word of a longer name: two nodes share a key only when a
 * whole name is the same.
 */
export function matchKeys(input: Pick<NameInput, 'name' | 'nameZh' | 'pinyin' | 'person'>): string[] {
  const whole = (text: string | undefined) => {
    const words = text ? nameWords(text.replace(QUALIFIER, ' ')).filter((word) => plainKey(word)) : [];
    return words.length > 0 ? [joinedKey(words)] : [];
  };
  const nameZh = input.nameZh?.replace(QUALIFIER, '').trim() ?? (HAN_NAME.test(input.name.trim()) ? input.name.trim() : undefined);
  const read = input.person && !input.pinyin && nameZh ? toPinyin(nameZh) : undefined;
  return [...new Set([...whole(input.name), ...whole(nameZh), ...whole(input.pinyin), ...whole(read)])];
}
