// Deterministic synthetic evidence at any scale (same seed and scale, same graph), streamed in batches.
// Counties, bureaus and facilities hang under prefectures of the public record so chains of command
// are real ones above them; every generated node, link and document carries `synthetic: true` and
// says so in its name. No generated record describes a real person. The phases live in seed/synthetic/.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { BatchWriter, type RawBatch } from './synthetic/batch-writer.ts';
import { writeDetainees } from './synthetic/detainees.ts';
import { Draw } from './synthetic/draw.ts';
import { isRepeated, writeKnownDuplicates } from './synthetic/duplicates.ts';
import { facilityPicker, writeFacilities } from './synthetic/facilities.ts';
import { writePoliceRecords } from './synthetic/relatives.ts';
import type { ScaleOptions } from './synthetic/scales.ts';
import { writeStructure } from './synthetic/structure.ts';

export type { RawBatch } from './synthetic/batch-writer.ts';
export { SCALES, type ScaleName, type ScaleOptions } from './synthetic/scales.ts';
export { knownDuplicatePairs } from './synthetic/duplicates.ts';

/**
 * Streams the synthetic graph in batches of about `batchRows` rows. Each batch's links point only at
 * nodes of the public record, of earlier batches or of the same batch, so batches can be written in order.
 * The phases share one random stream and run in this fixed order: reordering them changes every graph.
 */
export function* syntheticBatches(options: ScaleOptions, batchRows = 10_000): Generator<RawBatch> {
  const draw = new Draw(xoroshiro128plus(options.seed));
  const out = new BatchWriter(batchRows);
  const { counties, villages } = yield* writeStructure(out, options);
  const facilities = yield* writeFacilities(out, draw, options, counties);
  const facilityFor = facilityPicker(draw, facilities, options.facilitySkew);
  yield* writePoliceRecords(out, draw, options.extraRecordDocuments);
  const repeated = yield* writeDetainees(out, draw, options, villages, facilityFor, isRepeated(options));
  yield* writeKnownDuplicates(out, repeated);
  yield* out.flushRest();
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
