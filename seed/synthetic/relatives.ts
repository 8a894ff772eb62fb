// Police records beyond the detention records, and the relatives named in them around each detainee:
// a household, each member citing the detainee's record or one of those police records.
import { syntheticRelativeName } from '../synthetic-names.ts';
import { type BatchWriter, type RawBatch, SYNTHETIC_COLLECTION, syntheticMark } from './batch-writer.ts';
import { type Draw, detentionYear, pad } from './draw.ts';
import type { ScaleOptions } from './scales.ts';

const kinships = ['father', 'mother', 'brother', 'sister', 'son', 'daughter', 'spouse', 'cousin'];

const policeRecordId = (serial: number) => `syn-doc-police-${pad(serial, 7)}`;

/** What a household needs of its detainee. */
export interface HouseholdAnchor {
  id: string;
  /** The detainee's detention record, cited by relatives no extra police record names. */
  recordId: string;
  village: string | null;
}

export function* writePoliceRecords(out: BatchWriter, draw: Draw, count: number): Generator<RawBatch, void, undefined> {
  for (let d = 1; d <= count; d++) {
    out.pushNodes({
      id: policeRecordId(d),
      labels: ['Document'],
      properties: { name: `Synthetic police record R-${pad(d, 7)}`, collection: SYNTHETIC_COLLECTION, date: draw.day(detentionYear(draw)), synthetic: true },
    });
    yield* out.flushIfFull();
  }
}

/** Writes the detainee's household and returns the last relative serial used (serials run across detainees). */
export function writeRelatives(out: BatchWriter, draw: Draw, detainee: HouseholdAnchor, options: ScaleOptions, serialBefore: number): number {
  const recordDocs = options.extraRecordDocuments;
  const household: string[] = [];
  const relatives = draw.around(options.relativesPerDetainee);
  let relativeSerial = serialBefore;
  for (let r = 0; r < relatives; r++) {
    relativeSerial += 1;
    const relativeId = `syn-person-${pad(relativeSerial, 8)}`;
    const cited = recordDocs > 0 && draw.chance(0.5) ? policeRecordId(draw.int(1, recordDocs)) : detainee.recordId;
    out.pushNodes({
      id: relativeId,
      labels: ['Person'],
      properties: { ...syntheticRelativeName(draw.generator(), relativeSerial), sources: [cited], ...syntheticMark },
    });
    out.pushRelationships({
      id: `syn-related:${relativeId}:${detainee.id}`,
      type: 'RELATED_TO',
      source: relativeId,
      target: detainee.id,
      properties: { kinship: draw.pick(kinships), sources: [cited], ...syntheticMark },
    });
    if (detainee.village)
      out.pushRelationships({
        id: `syn-resides:${relativeId}`,
        type: 'RESIDES_IN',
        source: relativeId,
        target: detainee.village,
        properties: { sources: [cited], ...syntheticMark },
      });
    // Relatives are related to each other too: each to up to three earlier members of the household.
    for (const member of household.slice(-3)) {
      out.pushRelationships({
        id: `syn-related:${relativeId}:${member}`,
        type: 'RELATED_TO',
        source: relativeId,
        target: member,
        properties: { kinship: draw.pick(kinships), sources: [cited], ...syntheticMark },
      });
    }
    household.push(relativeId);
  }
  return relativeSerial;
}
