// Synthetic names: marked in every script, deterministic, and spelled so that variant search is exercised.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { deriveNames, queryKeys, toPinyin, withoutTones } from '../contract/names.ts';
import reference from './public-record.json' with { type: 'json' };
import { syntheticDetaineeName, syntheticGuardName, syntheticRelativeName, type SyntheticName } from './synthetic-names.ts';

function draw(seed: number, count: number, generate: typeof syntheticGuardName): SyntheticName[] {
  const rng = xoroshiro128plus(seed);
  return Array.from({ length: count }, (_, i) => generate(rng, i + 1));
}

const guards = draw(20220524, 300, syntheticGuardName);
const detainees = draw(20220524, 300, syntheticDetaineeName);

describe('synthetic names', () => {
  it('are the same for the same seed and serials, and differ for another seed', () => {
    expect(draw(20220524, 300, syntheticGuardName)).toEqual(guards);
    expect(draw(20220524, 300, syntheticDetaineeName)).toEqual(detainees);
    expect(draw(1, 300, syntheticDetaineeName)).not.toEqual(detainees);
  });

  it('say they are synthetic in every script, with the zero-padded serial', () => {
    expect(guards[0]!.name).toMatch(/^[A-Z][a-zü]+ [A-Z][a-zü]+ \(synthetic G-000001\)$/);
    expect(guards[0]!.nameZh).toMatch(/^\p{Script=Han}{2,3}（合成）$/u);
    expect(detainees[122]!.name).toMatch(/ \(synthetic D-000123\)$/);
    expect(detainees[122]!.nameZh).toMatch(/^\p{Script=Han}+·\p{Script=Han}+（合成）$/u);
    const relative = syntheticRelativeName(xoroshiro128plus(3), 1234567);
    expect(relative.name).toMatch(/ \(synthetic P-1234567\)$/);
    for (const person of [...guards, ...detainees, relative]) {
      expect(person.pinyin).toMatch(/ \(synthetic [GDP]-\d{6,}\)$/);
      for (const alias of person.aliases) expect(alias).toMatch(/ \(synthetic [GDP]-\d{6,}\)$/);
    }
  });

  it('give guards Han names with the pinyin pinyin-pro reads for them', () => {
    const { name, nameZh, pinyin } = guards[0]!;
    expect(name).toBe(withoutTones(pinyin!));
    expect(toPinyin(nameZh)).toBe(pinyin!.replace(/ \(synthetic .*\)$/, ''));
    expect(nameZh).not.toContain('·');
  });

  it('spell some detainees with -jan, q, x and diacritics, findable under the other spellings', () => {
    const names = detainees.map((person) => person.name);
    for (const spelling of [/jan\b/, /q/i, /x/i, /[éöü]/])
      expect(
        names.some((name) => spelling.test(name)),
        String(spelling),
      ).toBe(true);
    const tursunjan = detainees.find((person) => person.name.includes('Tursunjan'))!;
    expect(queryKeys('tursunjang').every((key) => tursunjan.nameKeys.includes(key))).toBe(true);
    const qurban = detainees.find((person) => person.name.includes('Qurban'))!;
    expect(qurban.nameKeys).toContain(queryKeys('Kurban')[0]);
  });

  it('never give a synthetic person the name of someone in the public record', () => {
    const real = new Set(reference.people.flatMap((person) => [person.name_zh, person.name_en]).filter(Boolean));
    for (const person of [...guards, ...detainees]) {
      expect(real.has(person.nameZh.replace('（合成）', '')), person.nameZh).toBe(false);
      expect(real.has(person.name.replace(/ \(synthetic .*\)$/, '')), person.name).toBe(false);
    }
  });

  it('carry aliases and keys exactly as deriveNames gives them', () => {
    for (const { aliases, nameKeys, ...names } of [guards[0]!, detainees[0]!]) {
      expect(deriveNames({ ...names, aliases, person: true })).toEqual({ aliases, nameKeys });
    }
  });

  it('refuse a serial that cannot be printed as one', () => {
    expect(() => syntheticGuardName(xoroshiro128plus(1), -1)).toThrow(RangeError);
    expect(() => syntheticDetaineeName(xoroshiro128plus(1), 1.5)).toThrow(RangeError);
  });
});
