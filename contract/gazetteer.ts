// How a place's name is matched against the official gazetteer: one folded key per whole name, with
// the word that says what kind of unit it is left out ("Shufu County", "Shūfù Xiàn", "疏附县" and
// "疏附" all give the one key of 疏附县). Pure: the seed and the importer use it alike.
import { joinedKey, nameWords, withoutTones } from './names.ts';

/** Latin words (English, and pinyin without tones) that name a kind of unit, not the unit. */
const LATIN_DESIGNATIONS = new Set([
  'county',
  'city',
  'district',
  'prefecture',
  'township',
  'town',
  'subdistrict',
  'street',
  'xian',
  'shi',
  'qu',
  'diqu',
  'zhou',
  'xiang',
  'zhen',
  'jiedao',
]);

/** Endings in characters that name a kind of unit, longest first (地区 before 区). */
const HAN_DESIGNATIONS = ['街道办事处', '街道', '地区', '县', '市', '区', '镇', '乡', '州'];

/** A trailing "(…)" qualifies a name rather than being part of it (as names.ts reads it). */
const QUALIFIER = /\s*[(（][^()（）]*[)）]/gu;

/** The keys a name in any script gives: the whole name folded, and without its designation. */
export function gazetteerKeys(text: string): string[] {
  const bare = text.replace(QUALIFIER, ' ').trim();
  if (!bare) return [];
  if (/^\p{Script=Han}+$/u.test(bare)) {
    const ending = HAN_DESIGNATIONS.find((suffix) => bare.length > suffix.length + 1 && bare.endsWith(suffix));
    return ending ? [bare, bare.slice(0, -ending.length)] : [bare];
  }
  const words = nameWords(withoutTones(bare));
  const kept = words.filter((word) => !LATIN_DESIGNATIONS.has(word.toLowerCase()));
  const keys = [joinedKey(words), ...(kept.length > 0 && kept.length < words.length ? [joinedKey(kept)] : [])];
  return [...new Set(keys.filter(Boolean))];
}

/** A gazetteer place as the matcher sees it. */
export interface GazetteerEntry {
  id: string;
  code: string;
  /** Its level (region, prefecture, county, township): a county column names a county. */
  level: string;
  names: readonly string[];
}

export type PlaceMatch = { kind: 'linked'; id: string; by: 'code' | 'name' } | { kind: 'ambiguous'; ids: string[] } | { kind: 'none' };

/** Finds places by code (exact) or by any of their names' keys; built once per import. */
export class GazetteerIndex {
  readonly #byCode = new Map<string, string>();
  readonly #byKey = new Map<string, Set<string>>();
  readonly #levelOf = new Map<string, string>();

  constructor(entries: Iterable<GazetteerEntry>) {
    for (const entry of entries) {
      this.#byCode.set(entry.code, entry.id);
      this.#levelOf.set(entry.id, entry.level);
      for (const key of entry.names.flatMap(gazetteerKeys)) {
        const ids = this.#byKey.get(key) ?? new Set<string>();
        ids.add(entry.id);
        this.#byKey.set(key, ids);
      }
    }
  }

  /**
   * An exact code first; else a name whose keys lead to one place only. A name several places share
   * (新城街道 is six townships) is ambiguous: the caller must not pick one silently. A name is looked
   * for among the places of `level` only, when given.
   */
  match(value: string, level?: string): PlaceMatch {
    const text = value.trim();
    const byCode = /^\d{2,12}$/.test(text) ? this.#byCode.get(text) : undefined;
    if (byCode) return { kind: 'linked', id: byCode, by: 'code' };
    const keys = gazetteerKeys(text);
    // The whole name first: "疏附县" is certain even if "疏附" alone were shared.
    for (const key of keys) {
      const ids = [...(this.#byKey.get(key) ?? [])].filter((id) => level === undefined || this.#levelOf.get(id) === level);
      if (ids.length === 1) return { kind: 'linked', id: ids[0]!, by: 'name' };
      if (ids.length > 1) return { kind: 'ambiguous', ids: ids.sort() };
    }
    return { kind: 'none' };
  }
}
