// Deterministic synthetic guards, detainees and the records that document them (same seed, same graph).
// They are attached to facilities of the public record so their chains of command are real ones,
// but every synthetic node, link and document carries `synthetic: true` and says so in its name.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { NodeRow, RelationshipRow } from '../cypher/seed/graph-rows.ts';
import type { GraphRows } from './public-record.ts';

export interface SyntheticOptions {
  seed: number;
  /** Facilities (ids from the public record) that receive guards and detainees. */
  facilityIds: readonly string[];
  guardsPerFacility: number;
  detaineesPerFacility: number;
}

export const SMALL_SYNTHETIC: SyntheticOptions = {
  seed: 20220524, // the consortium's publication day
  facilityIds: ['fac_tekes_detention', 'fac_tekes_reeducation', 'fac_shufu_reeducation_center'],
  guardsPerFacility: 3,
  detaineesPerFacility: 4,
};

export const SYNTHETIC_COLLECTION = 'Synthetic records (generated, not from the leak)';

const guardRoles = ['guard', 'shift leader', 'gate guard', 'patrol'];
/** Illustrative recorded reasons, drawn at random: they describe no one. */
const recordedReasons = ['religious practice', 'travel abroad', 'relative abroad', 'phone content', 'untrustworthy', 'unspecified'];

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, 28)).padStart(2, '0')}`;
}

export function syntheticRows(options: SyntheticOptions): GraphRows {
  const rng = xoroshiro128plus(options.seed);
  const pick = <T>(items: readonly T[]): T => items[uniformInt(rng, 0, items.length - 1)]!;
  const nodes: NodeRow[] = [];
  const relationships: RelationshipRow[] = [];
  const synthetic = { synthetic: true, confidence: 'confirmed' as const };
  let guardNumber = 0;
  let detaineeNumber = 0;

  for (const facilityId of options.facilityIds) {
    const rosterId = `syn-doc-roster-${facilityId}`;
    nodes.push({
      id: rosterId,
      labels: ['Document'],
      properties: {
        name: `Synthetic duty roster, ${facilityId}`,
        collection: SYNTHETIC_COLLECTION,
        date: isoDay(2018, uniformInt(rng, 1, 12), uniformInt(rng, 1, 28)),
        synthetic: true,
      },
    });

    for (let i = 0; i < options.guardsPerFacility; i++) {
      guardNumber += 1;
      const id = `syn-guard-${String(guardNumber).padStart(4, '0')}`;
      nodes.push({
        id,
        labels: ['Person', 'Guard'],
        properties: { name: `Synthetic guard G-${String(guardNumber).padStart(4, '0')}`, aliases: [], sources: [rosterId], ...synthetic },
      });
      const startYear = uniformInt(rng, 2016, 2018);
      relationships.push({
        id: `assigned:${id}:${facilityId}`,
        type: 'ASSIGNED_TO',
        source: id,
        target: facilityId,
        properties: { role: pick(guardRoles), from: isoDay(startYear, uniformInt(rng, 1, 12), uniformInt(rng, 1, 28)), sources: [rosterId], ...synthetic },
      });
    }

    for (let i = 0; i < options.detaineesPerFacility; i++) {
      detaineeNumber += 1;
      const code = String(detaineeNumber).padStart(4, '0');
      const id = `syn-detainee-${code}`;
      const recordId = `syn-doc-record-${code}`;
      // Most detentions in the files begin in 2017-2018.
      const year = uniformInt(rng, 0, 9) < 8 ? uniformInt(rng, 2017, 2018) : uniformInt(rng, 2014, 2020);
      const detainedFrom = isoDay(year, uniformInt(rng, 1, 12), uniformInt(rng, 1, 28));
      nodes.push({
        id: recordId,
        labels: ['Document'],
        properties: { name: `Synthetic detention record D-${code}`, collection: SYNTHETIC_COLLECTION, date: detainedFrom, synthetic: true },
      });
      nodes.push({
        id,
        labels: ['Person', 'Detainee'],
        properties: {
          name: `Synthetic detainee D-${code}`,
          aliases: [],
          age: uniformInt(rng, 14, 82),
          sources: [recordId],
          ...synthetic,
        },
      });
      relationships.push({
        id: `detained:${id}:${facilityId}`,
        type: 'DETAINED_AT',
        source: id,
        target: facilityId,
        properties: { from: detainedFrom, recordedReason: pick(recordedReasons), sources: [recordId], ...synthetic },
      });
    }
  }
  return { nodes, relationships };
}
