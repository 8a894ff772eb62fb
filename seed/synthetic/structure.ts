// The generated administrative structure: the founding register, county bureaus, synthetic counties
// under the record's prefectures, and villages. Draws no random number.
import { type BatchWriter, type RawBatch, SYNTHETIC_COLLECTION, syntheticMark } from './batch-writer.ts';
import { pad } from './draw.ts';
import type { ScaleOptions } from './scales.ts';

/** One founding document records the generated structure (counties, bureaus, facilities, villages). */
export const STRUCTURE_DOC = 'syn-doc-structure';

/** Counties of the public record (with their bureau where the record names one) and their prefectures. */
const recordCounties = [
  { county: 'org_shufu_county', psb: 'org_shufu_psb', prefecture: 'org_kashgar_pref', name: 'Shufu (Konasheher)', prefectureName: 'Kashgar' },
  { county: 'org_tekes_county', psb: 'org_tekes_psb', prefecture: 'org_ili_pref', name: 'Tekes', prefectureName: 'Ili' },
  { county: 'org_karakax_county', psb: null, prefecture: 'org_hotan_pref', name: 'Karakax (Moyu)', prefectureName: 'Hotan' },
] as const;

export interface CountyPlan {
  county: string;
  /** The county's public-security bureau, which operates its facilities. */
  psb: string;
  name: string;
  prefectureName: string;
}

export interface Structure {
  counties: CountyPlan[];
  villages: string[];
}

export function* writeStructure(out: BatchWriter, options: ScaleOptions): Generator<RawBatch, Structure, undefined> {
  out.pushNodes({
    id: STRUCTURE_DOC,
    labels: ['Document'],
    properties: { name: 'Synthetic structure register (generated)', collection: SYNTHETIC_COLLECTION, synthetic: true },
  });
  const counties = [...recordCountyPlans(out), ...syntheticCountyPlans(out, options.syntheticCounties)];
  const villages = yield* writeVillages(out, options.villages);
  return { counties, villages };
}

/** The record's counties, with a synthetic bureau where the record names none, so each can operate facilities. */
function recordCountyPlans(out: BatchWriter): CountyPlan[] {
  return recordCounties.map((record) => {
    const psb: string = record.psb ?? `syn-psb-${record.county}`;
    if (!record.psb) {
      out.pushNodes({
        id: psb,
        labels: ['Organization'],
        properties: {
          name: `Synthetic public security bureau of ${record.name}`,
          level: 'county',
          orgType: 'public-security',
          sources: [STRUCTURE_DOC],
          ...syntheticMark,
        },
      });
      out.pushRelationships({
        id: `syn-sub:${psb}`,
        type: 'SUBORDINATE_TO',
        source: psb,
        target: record.county,
        properties: { sources: [STRUCTURE_DOC], ...syntheticMark },
      });
    }
    return { county: record.county, psb, name: record.name, prefectureName: record.prefectureName };
  });
}

/** Synthetic counties, each with its bureau, spread in turn under the record's prefectures so their chains reach real leaders. */
function syntheticCountyPlans(out: BatchWriter, count: number): CountyPlan[] {
  const counties: CountyPlan[] = [];
  for (let c = 1; c <= count; c++) {
    const home = recordCounties[(c - 1) % recordCounties.length]!;
    const county = `syn-county-${pad(c, 4)}`;
    const psb = `syn-psb-${pad(c, 4)}`;
    const name = `Synthetic county C-${pad(c, 4)}`;
    out.pushNodes(
      { id: county, labels: ['Organization'], properties: { name, level: 'county', orgType: 'government', sources: [STRUCTURE_DOC], ...syntheticMark } },
      {
        id: psb,
        labels: ['Organization'],
        properties: {
          name: `Synthetic public security bureau C-${pad(c, 4)}`,
          level: 'county',
          orgType: 'public-security',
          sources: [STRUCTURE_DOC],
          ...syntheticMark,
        },
      },
    );
    out.pushRelationships(
      { id: `syn-sub:${county}`, type: 'SUBORDINATE_TO', source: county, target: home.prefecture, properties: { sources: [STRUCTURE_DOC], ...syntheticMark } },
      { id: `syn-sub:${psb}`, type: 'SUBORDINATE_TO', source: psb, target: county, properties: { sources: [STRUCTURE_DOC], ...syntheticMark } },
    );
    counties.push({ county, psb, name, prefectureName: home.prefectureName });
  }
  return counties;
}

function* writeVillages(out: BatchWriter, count: number): Generator<RawBatch, string[], undefined> {
  const villages: string[] = [];
  for (let v = 1; v <= count; v++) {
    const id = `syn-village-${pad(v, 6)}`;
    villages.push(id);
    out.pushNodes({
      id,
      labels: ['Place'],
      properties: { name: `Synthetic village V-${pad(v, 6)}`, placeType: 'village', sources: [STRUCTURE_DOC], ...syntheticMark },
    });
    yield* out.flushIfFull();
  }
  return villages;
}
