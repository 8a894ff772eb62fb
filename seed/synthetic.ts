// Deterministic synthetic evidence at any scale (same seed and scale, same graph), streamed in batches.
// Counties, bureaus and facilities hang under prefectures of the public record so chains of command
// are real ones above them; every generated node, link and document carries `synthetic: true` and
// says so in its name. No generated record describes a real person.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { z } from 'zod';
import type { NodeRow, RelationshipRow } from '../contract/graph-rows.ts';
import { sha256Hex, syntheticPhotoFile, syntheticPhotoId, syntheticPhotoPng } from './synthetic-photos.ts';
import { syntheticDetaineeName, syntheticGuardName, syntheticRelativeName } from './synthetic-names.ts';

type NodeInput = z.input<typeof NodeRow>;
type RelationshipInput = z.input<typeof RelationshipRow>;

export interface RawBatch {
  nodes: NodeInput[];
  relationships: RelationshipInput[];
}

export interface ScaleOptions {
  seed: number;
  /** Synthetic counties added beside the record's own (each with its public-security bureau). */
  syntheticCounties: number;
  facilitiesPerCounty: [min: number, max: number];
  detainees: number;
  /** People named in police records around each detainee (relatives), on average. */
  relativesPerDetainee: number;
  guardsPerFacility: [min: number, max: number];
  villages: number;
  /** Police-record documents beyond the one detention record per detainee. */
  extraRecordDocuments: number;
  /** Zipf exponent of detainees per facility: higher concentrates them in a few very large camps. */
  facilitySkew: number;
  /** Detainees among the first this many get a generated stand-in photo (one in five; seed/synthetic-photos.ts). */
  photographedDetainees: number;
}

const baseSeed = 20220524; // the consortium's publication day

export const SCALES = {
  /** Thousands of nodes: the default seed, loaded at first start in seconds. */
  small: {
    seed: baseSeed,
    syntheticCounties: 3,
    facilitiesPerCounty: [2, 4],
    detainees: 1_200,
    relativesPerDetainee: 1.5,
    guardsPerFacility: [6, 20],
    villages: 60,
    extraRecordDocuments: 200,
    facilitySkew: 1.0,
    photographedDetainees: 300,
  },
  /** The leak's own size: ~800,000 individuals in police records, 20,000+ detainees, 100,000 documents. */
  leak: {
    seed: baseSeed,
    syntheticCounties: 37,
    facilitiesPerCounty: [2, 6],
    detainees: 22_000,
    relativesPerDetainee: 35,
    guardsPerFacility: [20, 120],
    villages: 3_000,
    extraRecordDocuments: 78_000,
    facilitySkew: 1.3,
    photographedDetainees: 300,
  },
  /** About 1 million nodes and 3 million relationships, with a facility of 20,000+ detainees. */
  '1m': {
    seed: baseSeed,
    syntheticCounties: 60,
    facilitiesPerCounty: [3, 7],
    detainees: 150_000,
    relativesPerDetainee: 4.8,
    guardsPerFacility: [20, 80],
    villages: 6_000,
    extraRecordDocuments: 20_000,
    facilitySkew: 1.0,
    photographedDetainees: 300,
  },
  /** About 10 million nodes and 30 million relationships. */
  '10m': {
    seed: baseSeed,
    syntheticCounties: 300,
    facilitiesPerCounty: [3, 8],
    detainees: 1_500_000,
    relativesPerDetainee: 4.8,
    guardsPerFacility: [20, 100],
    villages: 40_000,
    extraRecordDocuments: 200_000,
    facilitySkew: 1.0,
    photographedDetainees: 300,
  },
} satisfies Record<string, ScaleOptions>;
export type ScaleName = keyof typeof SCALES;

const SYNTHETIC_COLLECTION = 'Synthetic records (generated, not from the leak)';

/** Counties of the public record (with their bureau where the record names one) and their prefectures. */
const recordCounties = [
  { county: 'org_shufu_county', psb: 'org_shufu_psb', prefecture: 'org_kashgar_pref', name: 'Shufu (Konasheher)', prefectureName: 'Kashgar' },
  { county: 'org_tekes_county', psb: 'org_tekes_psb', prefecture: 'org_ili_pref', name: 'Tekes', prefectureName: 'Ili' },
  { county: 'org_karakax_county', psb: null, prefecture: 'org_hotan_pref', name: 'Karakax (Moyu)', prefectureName: 'Hotan' },
] as const;

const facilityTypes = [
  { type: 'camp', weight: 5 },
  { type: 'detention-centre', weight: 3 },
  { type: 'prison', weight: 1 },
  { type: 'police-station', weight: 2 },
] as const;
const guardRoles = ['guard', 'shift leader', 'gate guard', 'patrol', 'watchtower', 'escort'];
const kinships = ['father', 'mother', 'brother', 'sister', 'son', 'daughter', 'spouse', 'cousin'];
/** Illustrative recorded reasons, drawn at random: they describe no one. */
const recordedReasons = ['religious practice', 'travel abroad', 'relative abroad', 'phone content', 'untrustworthy', 'unspecified'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

class Draw {
  constructor(private readonly rng: RandomGenerator) {}
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }
  chance(p: number): boolean {
    return this.int(0, 999_999) < p * 1_000_000;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  weighted<T extends { weight: number }>(items: readonly T[]): T {
    let ticket = this.int(
      1,
      items.reduce((sum, item) => sum + item.weight, 0),
    );
    for (const item of items) {
      ticket -= item.weight;
      if (ticket <= 0) return item;
    }
    return items.at(-1)!;
  }
  day(year: number): string {
    return `${year}-${pad(this.int(1, 12), 2)}-${pad(this.int(1, 28), 2)}`;
  }
  /** A whole number around `mean` (Poisson-like spread, enough for record counts). */
  around(mean: number): number {
    const whole = Math.floor(mean);
    return whole + (this.chance(mean - whole) ? 1 : 0) + (this.chance(0.3) ? this.int(-1, 1) : 0);
  }
  generator(): RandomGenerator {
    return this.rng;
  }
}

/** Ages 14 to 80+, most between 20 and 50, as in the detention records reported from the files. */
function detaineeAge(draw: Draw): number {
  const band = draw.int(0, 99);
  if (band < 6) return draw.int(14, 19);
  if (band < 80) return draw.int(20, 49);
  if (band < 95) return draw.int(50, 69);
  return draw.int(70, 84);
}

/** Most detentions in the files begin in 2017-2018. */
function detentionYear(draw: Draw): number {
  const band = draw.int(0, 99);
  if (band < 40) return 2017;
  if (band < 80) return 2018;
  return draw.pick([2014, 2015, 2016, 2019, 2020]);
}

interface FacilityPlan {
  id: string;
  psb: string;
  rosterIds: string[];
}

/**
 * Streams the synthetic graph in batches of about `batchRows` rows. Each batch's links point only at
 * nodes of the public record, of earlier batches or of the same batch, so batches can be written in order.
 */
export function* syntheticBatches(options: ScaleOptions, batchRows = 10_000): Generator<RawBatch> {
  const draw = new Draw(xoroshiro128plus(options.seed));
  let batch: RawBatch = { nodes: [], relationships: [] };
  const flushIfFull = function* () {
    if (batch.nodes.length + batch.relationships.length >= batchRows) {
      yield batch;
      batch = { nodes: [], relationships: [] };
    }
  };
  const synthetic = { synthetic: true, confidence: 'confirmed' as const };

  // One founding document records the generated structure (counties, bureaus, facilities, villages).
  const structureDoc = 'syn-doc-structure';
  batch.nodes.push({
    id: structureDoc,
    labels: ['Document'],
    properties: { name: 'Synthetic structure register (generated)', collection: SYNTHETIC_COLLECTION, synthetic: true },
  });

  const counties: { county: string; psb: string; name: string; prefectureName: string }[] = [];
  for (const record of recordCounties) {
    const psb: string = record.psb ?? `syn-psb-${record.county}`;
    if (!record.psb) {
      batch.nodes.push({
        id: psb,
        labels: ['Organization'],
        properties: {
          name: `Synthetic public security bureau of ${record.name}`,
          level: 'county',
          orgType: 'public-security',
          sources: [structureDoc],
          ...synthetic,
        },
      });
      batch.relationships.push({
        id: `syn-sub:${psb}`,
        type: 'SUBORDINATE_TO',
        source: psb,
        target: record.county,
        properties: { sources: [structureDoc], ...synthetic },
      });
    }
    counties.push({ county: record.county, psb, name: record.name, prefectureName: record.prefectureName });
  }
  for (let c = 1; c <= options.syntheticCounties; c++) {
    const home = recordCounties[(c - 1) % recordCounties.length]!;
    const county = `syn-county-${pad(c, 4)}`;
    const psb = `syn-psb-${pad(c, 4)}`;
    const name = `Synthetic county C-${pad(c, 4)}`;
    batch.nodes.push(
      { id: county, labels: ['Organization'], properties: { name, level: 'county', orgType: 'government', sources: [structureDoc], ...synthetic } },
      {
        id: psb,
        labels: ['Organization'],
        properties: {
          name: `Synthetic public security bureau C-${pad(c, 4)}`,
          level: 'county',
          orgType: 'public-security',
          sources: [structureDoc],
          ...synthetic,
        },
      },
    );
    batch.relationships.push(
      { id: `syn-sub:${county}`, type: 'SUBORDINATE_TO', source: county, target: home.prefecture, properties: { sources: [structureDoc], ...synthetic } },
      { id: `syn-sub:${psb}`, type: 'SUBORDINATE_TO', source: psb, target: county, properties: { sources: [structureDoc], ...synthetic } },
    );
    counties.push({ county, psb, name, prefectureName: home.prefectureName });
  }

  const villages: string[] = [];
  for (let v = 1; v <= options.villages; v++) {
    const id = `syn-village-${pad(v, 6)}`;
    villages.push(id);
    batch.nodes.push({
      id,
      labels: ['Place'],
      properties: { name: `Synthetic village V-${pad(v, 6)}`, placeType: 'village', sources: [structureDoc], ...synthetic },
    });
    yield* flushIfFull();
  }

  // Facilities: several per county; guards on rosters, one roster document per facility and year.
  const facilities: FacilityPlan[] = [];
  let guardSerial = 0;
  for (const county of counties) {
    const count = draw.int(...options.facilitiesPerCounty);
    for (let f = 0; f < count; f++) {
      const serial = facilities.length + 1;
      const id = `syn-fac-${pad(serial, 5)}`;
      const type = draw.weighted(facilityTypes).type;
      batch.nodes.push({
        id,
        labels: ['Facility'],
        properties: {
          name: `Synthetic ${type.replace('-', ' ')} F-${pad(serial, 5)}`,
          facilityType: type,
          county: county.name,
          prefecture: county.prefectureName,
          // Inside Xinjiang's bounding box; no real site is implied.
          latitude: draw.int(36_000, 46_000) / 1000,
          longitude: draw.int(75_000, 90_000) / 1000,
          capacity: draw.int(2, 300) * 100,
          sources: [structureDoc],
          ...synthetic,
        },
      });
      batch.relationships.push({
        id: `syn-operates:${id}`,
        type: 'OPERATES',
        source: county.psb,
        target: id,
        properties: { from: '2014-01-01', sources: [structureDoc], ...synthetic },
      });
      const rosterIds = [2017, 2018, 2019].map((year) => `syn-doc-roster-${id}-${year}`);
      rosterIds.forEach((rosterId, index) => {
        batch.nodes.push({
          id: rosterId,
          labels: ['Document'],
          properties: {
            name: `Synthetic duty roster F-${pad(serial, 5)} ${2017 + index}`,
            collection: SYNTHETIC_COLLECTION,
            date: `${2017 + index}`,
            synthetic: true,
          },
        });
      });
      facilities.push({ id, psb: county.psb, rosterIds });

      const guards = draw.int(...options.guardsPerFacility);
      for (let g = 0; g < guards; g++) {
        guardSerial += 1;
        const guardId = `syn-guard-${pad(guardSerial, 7)}`;
        const name = syntheticGuardName(draw.generator(), guardSerial);
        const startYear = draw.int(2016, 2019);
        const roster = rosterIds[Math.min(startYear, 2019) - 2017] ?? rosterIds[0]!;
        batch.nodes.push({
          id: guardId,
          labels: ['Person', 'Guard'],
          properties: { ...name, gender: draw.chance(0.85) ? 'male' : 'female', sources: [roster], ...synthetic },
        });
        const from = draw.day(startYear);
        const to = draw.chance(0.4) ? draw.day(Math.min(startYear + draw.int(1, 3), 2021)) : undefined;
        batch.relationships.push({
          id: `syn-assigned:${guardId}:${id}`,
          type: 'ASSIGNED_TO',
          source: guardId,
          target: id,
          properties: { role: draw.pick(guardRoles), from, ...(to && to > from ? { to } : {}), sources: [roster], ...synthetic },
        });
        yield* flushIfFull();
      }
    }
  }

  // Zipf-like weights: the largest camps hold tens of thousands, most facilities far fewer.
  const weights = facilities.map((_, rank) => 1 / (rank + 1) ** options.facilitySkew);
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const cumulative: number[] = [];
  let runningWeight = 0;
  for (const w of weights) {
    runningWeight += w;
    cumulative.push(runningWeight / totalWeight);
  }
  const facilityFor = () => {
    const ticket = draw.int(0, 999_999) / 1_000_000;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < ticket) low = mid + 1;
      else high = mid;
    }
    return facilities[low]!;
  };

  // Police records beyond detention records: each recorded relative cites one of them.
  const recordDocs = options.extraRecordDocuments;
  for (let d = 1; d <= recordDocs; d++) {
    batch.nodes.push({
      id: `syn-doc-police-${pad(d, 7)}`,
      labels: ['Document'],
      properties: { name: `Synthetic police record R-${pad(d, 7)}`, collection: SYNTHETIC_COLLECTION, date: draw.day(detentionYear(draw)), synthetic: true },
    });
    yield* flushIfFull();
  }

  let relativeSerial = 0;
  for (let serial = 1; serial <= options.detainees; serial++) {
    const id = `syn-detainee-${pad(serial, 7)}`;
    const recordId = `syn-doc-record-${pad(serial, 7)}`;
    const age = detaineeAge(draw);
    const year = detentionYear(draw);
    const detainedFrom = draw.day(year);
    const village = villages.length > 0 ? draw.pick(villages) : null;
    const name = syntheticDetaineeName(draw.generator(), serial);
    batch.nodes.push(
      {
        id: recordId,
        labels: ['Document'],
        properties: {
          name: `Synthetic detention record D-${pad(serial, 7)}`,
          collection: SYNTHETIC_COLLECTION,
          date: detainedFrom,
          pages: draw.int(1, 4),
          synthetic: true,
        },
      },
      {
        id,
        labels: ['Person', 'Detainee'],
        properties: {
          ...name,
          gender: draw.chance(0.7) ? 'male' : 'female',
          age,
          birthDate: `${year - age}-${pad(draw.int(1, 12), 2)}-${pad(draw.int(1, 28), 2)}`,
          // Visibly not a PRC identity number, so no generated record can match a real one.
          idNumber: `SYN-${pad(serial, 10)}`,
          address: village ? `Synthetic village ${village.slice(-6)}` : undefined,
          ethnicity: 'Uyghur',
          sources: [recordId],
          ...synthetic,
        },
      },
    );
    const first = facilityFor();
    const transferred = draw.chance(0.25);
    const firstTo = transferred ? draw.day(Math.min(year + 1, 2021)) : undefined;
    batch.relationships.push({
      id: `syn-detained:${id}:1`,
      type: 'DETAINED_AT',
      source: id,
      target: first.id,
      properties: {
        from: detainedFrom,
        ...(firstTo && firstTo > detainedFrom ? { to: firstTo } : {}),
        recordedReason: draw.pick(recordedReasons),
        sources: [recordId],
        ...synthetic,
      },
    });
    if (transferred && firstTo && firstTo > detainedFrom) {
      batch.relationships.push({
        id: `syn-detained:${id}:2`,
        type: 'DETAINED_AT',
        source: id,
        target: facilityFor().id,
        properties: { from: firstTo, recordedReason: 'transfer', sources: [recordId], ...synthetic },
      });
    }
    // Drawn from no random number, so adding photos left every other generated record as it was.
    const photoId = syntheticPhotoId(serial, options.photographedDetainees);
    if (photoId) {
      batch.nodes.push({
        id: photoId,
        labels: ['Photo'],
        properties: {
          name: `Synthetic stand-in photo P-${pad(serial, 7)} (generated pattern, not a face)`,
          takenAt: detainedFrom,
          checksum: sha256Hex(syntheticPhotoPng(photoId)),
          file: syntheticPhotoFile(photoId),
          sources: [recordId],
          ...synthetic,
        },
      });
      batch.relationships.push({
        id: `syn-depicts:${photoId}`,
        type: 'DEPICTS',
        source: photoId,
        target: id,
        properties: { sources: [recordId], ...synthetic },
      });
    }
    if (village)
      batch.relationships.push({ id: `syn-resides:${id}`, type: 'RESIDES_IN', source: id, target: village, properties: { sources: [recordId], ...synthetic } });

    // Relatives named in the records: a household around the detainee.
    const household: string[] = [];
    const relatives = draw.around(options.relativesPerDetainee);
    for (let r = 0; r < relatives; r++) {
      relativeSerial += 1;
      const relativeId = `syn-person-${pad(relativeSerial, 8)}`;
      const cited = recordDocs > 0 && draw.chance(0.5) ? `syn-doc-police-${pad(draw.int(1, recordDocs), 7)}` : recordId;
      batch.nodes.push({
        id: relativeId,
        labels: ['Person'],
        properties: { ...syntheticRelativeName(draw.generator(), relativeSerial), sources: [cited], ...synthetic },
      });
      batch.relationships.push({
        id: `syn-related:${relativeId}:${id}`,
        type: 'RELATED_TO',
        source: relativeId,
        target: id,
        properties: { kinship: draw.pick(kinships), sources: [cited], ...synthetic },
      });
      if (village)
        batch.relationships.push({
          id: `syn-resides:${relativeId}`,
          type: 'RESIDES_IN',
          source: relativeId,
          target: village,
          properties: { sources: [cited], ...synthetic },
        });
      // Relatives are related to each other too: each to up to three earlier members of the household.
      for (const member of household.slice(-3)) {
        batch.relationships.push({
          id: `syn-related:${relativeId}:${member}`,
          type: 'RELATED_TO',
          source: relativeId,
          target: member,
          properties: { kinship: draw.pick(kinships), sources: [cited], ...synthetic },
        });
      }
      household.push(relativeId);
    }
    yield* flushIfFull();
  }
  if (batch.nodes.length + batch.relationships.length > 0) yield batch;
}

/** The whole synthetic graph at once; for small scales and tests. */
export function syntheticRows(options: ScaleOptions): RawBatch {
  const all: RawBatch = { nodes: [], relationships: [] };
  for (const batch of syntheticBatches(options)) {
    all.nodes.push(...batch.nodes);
    all.relationships.push(...batch.relationships);
  }
  return all;
}
