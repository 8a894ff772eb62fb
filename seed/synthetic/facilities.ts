// Generated facilities, each operated by a county bureau, with guards on yearly duty rosters; and the
// skewed draw that places detainees in them.
import { syntheticGuardName } from '../synthetic-names.ts';
import { type BatchWriter, type RawBatch, SYNTHETIC_COLLECTION, syntheticMark } from './batch-writer.ts';
import { type Draw, pad } from './draw.ts';
import type { ScaleOptions } from './scales.ts';
import { type CountyPlan, STRUCTURE_DOC } from './structure.ts';

const facilityTypes = [
  { type: 'camp', weight: 5 },
  { type: 'detention-centre', weight: 3 },
  { type: 'prison', weight: 1 },
  { type: 'police-station', weight: 2 },
] as const;
const guardRoles = ['guard', 'shift leader', 'gate guard', 'patrol', 'watchtower', 'escort'];

export interface FacilityPlan {
  id: string;
  psb: string;
  /** One duty roster document per year, 2017 to 2019: each guard's assignment cites one. */
  rosterIds: string[];
}

/** Several facilities per county, each followed by its guards. */
export function* writeFacilities(out: BatchWriter, draw: Draw, options: ScaleOptions, counties: CountyPlan[]): Generator<RawBatch, FacilityPlan[], undefined> {
  const facilities: FacilityPlan[] = [];
  let guardSerial = 0;
  for (const county of counties) {
    const count = draw.int(...options.facilitiesPerCounty);
    for (let f = 0; f < count; f++) {
      const facility = writeFacility(out, draw, county, facilities.length + 1);
      facilities.push(facility);
      const guards = draw.int(...options.guardsPerFacility);
      for (let g = 0; g < guards; g++) {
        guardSerial += 1;
        writeGuard(out, draw, facility, guardSerial);
        yield* out.flushIfFull();
      }
    }
  }
  return facilities;
}

function writeFacility(out: BatchWriter, draw: Draw, county: CountyPlan, serial: number): FacilityPlan {
  const id = `syn-fac-${pad(serial, 5)}`;
  const type = draw.weighted(facilityTypes).type;
  out.pushNodes({
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
      sources: [STRUCTURE_DOC],
      ...syntheticMark,
    },
  });
  out.pushRelationships({
    id: `syn-operates:${id}`,
    type: 'OPERATES',
    source: county.psb,
    target: id,
    properties: { from: '2014-01-01', sources: [STRUCTURE_DOC], ...syntheticMark },
  });
  const rosterIds = [2017, 2018, 2019].map((year) => `syn-doc-roster-${id}-${year}`);
  rosterIds.forEach((rosterId, index) => {
    out.pushNodes({
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
  return { id, psb: county.psb, rosterIds };
}

/** A guard and their assignment, cited by the roster of the year they started (2016 starters by 2017's). */
function writeGuard(out: BatchWriter, draw: Draw, facility: FacilityPlan, guardSerial: number): void {
  const guardId = `syn-guard-${pad(guardSerial, 7)}`;
  const name = syntheticGuardName(draw.generator(), guardSerial);
  const startYear = draw.int(2016, 2019);
  const roster = facility.rosterIds[Math.min(startYear, 2019) - 2017] ?? facility.rosterIds[0]!;
  out.pushNodes({
    id: guardId,
    labels: ['Person', 'Guard'],
    properties: { ...name, gender: draw.chance(0.85) ? 'male' : 'female', sources: [roster], ...syntheticMark },
  });
  const from = draw.day(startYear);
  const to = draw.chance(0.4) ? draw.day(Math.min(startYear + draw.int(1, 3), 2021)) : undefined;
  out.pushRelationships({
    id: `syn-assigned:${guardId}:${facility.id}`,
    type: 'ASSIGNED_TO',
    source: guardId,
    target: facility.id,
    properties: { role: draw.pick(guardRoles), from, ...(to && to > from ? { to } : {}), sources: [roster], ...syntheticMark },
  });
}

/**
 * Draws a facility for each detention with Zipf-like weights by rank: the largest camps hold tens of
 * thousands, most facilities far fewer. Each call takes one number from the stream.
 */
export function facilityPicker(draw: Draw, facilities: FacilityPlan[], skew: number): () => FacilityPlan {
  const weights = facilities.map((_, rank) => 1 / (rank + 1) ** skew);
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const weight of weights) {
    running += weight;
    cumulative.push(running / totalWeight);
  }
  return () => {
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
}
