// Generated detainees: each one's detention record, detentions (with transfers), stand-in photo,
// home village, and the household of relatives around them.
import { syntheticDetaineeName } from '../synthetic-names.ts';
import { sha256Hex, syntheticPhotoFile, syntheticPhotoId, syntheticPhotoPng } from '../synthetic-photos.ts';
import { type BatchWriter, type RawBatch, SYNTHETIC_COLLECTION, syntheticMark } from './batch-writer.ts';
import { type Draw, detaineeAge, detentionYear, pad } from './draw.ts';
import type { RecordedDetainee } from './duplicates.ts';
import type { FacilityPlan } from './facilities.ts';
import { writeRelatives } from './relatives.ts';
import type { ScaleOptions } from './scales.ts';

/** Illustrative recorded reasons, drawn at random: they describe no one. */
const recordedReasons = ['religious practice', 'travel abroad', 'relative abroad', 'phone content', 'untrustworthy', 'unspecified'];

/** What the steps after a detainee's own node need of them. */
interface DetaineePlan {
  id: string;
  serial: number;
  /** The detainee's detention record: the source of everything about them. */
  recordId: string;
  year: number;
  detainedFrom: string;
  village: string | null;
  /** What a second record of them (duplicates.ts) copies or varies. */
  recorded: Omit<RecordedDetainee, 'facility'>;
}

/**
 * Detainee after detainee, each with everything recorded about them: a batch never splits one.
 * Returns those `repeated` picks, for duplicates.ts to record a second time.
 */
export function* writeDetainees(
  out: BatchWriter,
  draw: Draw,
  options: ScaleOptions,
  villages: string[],
  facilityFor: () => FacilityPlan,
  repeated: (serial: number) => boolean,
): Generator<RawBatch, RecordedDetainee[], undefined> {
  let relativeSerial = 0;
  const recorded: RecordedDetainee[] = [];
  for (let serial = 1; serial <= options.detainees; serial++) {
    const detainee = writeDetainee(out, draw, serial, villages);
    const facility = writeDetentions(out, draw, detainee, facilityFor);
    if (repeated(serial)) recorded.push({ ...detainee.recorded, facility });
    writePhoto(out, detainee, options.photographedDetainees);
    if (detainee.village)
      out.pushRelationships({
        id: `syn-resides:${detainee.id}`,
        type: 'RESIDES_IN',
        source: detainee.id,
        target: detainee.village,
        properties: { sources: [detainee.recordId], ...syntheticMark },
      });
    relativeSerial = writeRelatives(out, draw, detainee, options, relativeSerial);
    yield* out.flushIfFull();
  }
  return recorded;
}

/** The detention record and the detainee it describes. */
function writeDetainee(out: BatchWriter, draw: Draw, serial: number, villages: string[]): DetaineePlan {
  const id = `syn-detainee-${pad(serial, 7)}`;
  const recordId = `syn-doc-record-${pad(serial, 7)}`;
  const age = detaineeAge(draw);
  const year = detentionYear(draw);
  const detainedFrom = draw.day(year);
  const village = villages.length > 0 ? draw.pick(villages) : null;
  const name = syntheticDetaineeName(draw.generator(), serial);
  // Drawn in the order the records once drew them inline (pages first), so every graph stays as it was.
  const pages = draw.int(1, 4);
  const gender = draw.chance(0.7) ? 'male' : 'female';
  const birthDate = `${year - age}-${pad(draw.int(1, 12), 2)}-${pad(draw.int(1, 28), 2)}`;
  // Visibly not a PRC identity number, so no generated record can match a real one.
  const idNumber = `SYN-${pad(serial, 10)}`;
  out.pushNodes(
    {
      id: recordId,
      labels: ['Document'],
      properties: {
        name: `Synthetic detention record D-${pad(serial, 7)}`,
        collection: SYNTHETIC_COLLECTION,
        date: detainedFrom,
        pages,
        synthetic: true,
      },
    },
    {
      id,
      labels: ['Person', 'Detainee'],
      properties: {
        ...name,
        gender,
        age,
        birthDate,
        idNumber,
        address: village ? `Synthetic village ${village.slice(-6)}` : undefined,
        ethnicity: 'Uyghur',
        sources: [recordId],
        ...syntheticMark,
      },
    },
  );
  const recorded = { id, name: name.name, nameZh: name.nameZh, pinyin: name.pinyin ?? name.name, gender, birthDate, idNumber, village };
  return { id, serial, recordId, year, detainedFrom, village, recorded };
}

/** The first detention, and for one in four a transfer to a second facility once the first ends; returns the first facility's id. */
function writeDetentions(out: BatchWriter, draw: Draw, detainee: DetaineePlan, facilityFor: () => FacilityPlan): string {
  const { id, recordId, detainedFrom } = detainee;
  const first = facilityFor();
  const transferred = draw.chance(0.25);
  const firstTo = transferred ? draw.day(Math.min(detainee.year + 1, 2021)) : undefined;
  out.pushRelationships({
    id: `syn-detained:${id}:1`,
    type: 'DETAINED_AT',
    source: id,
    target: first.id,
    properties: {
      from: detainedFrom,
      ...(firstTo && firstTo > detainedFrom ? { to: firstTo } : {}),
      recordedReason: draw.pick(recordedReasons),
      sources: [recordId],
      ...syntheticMark,
    },
  });
  if (transferred && firstTo && firstTo > detainedFrom) {
    out.pushRelationships({
      id: `syn-detained:${id}:2`,
      type: 'DETAINED_AT',
      source: id,
      target: facilityFor().id,
      properties: { from: firstTo, recordedReason: 'transfer', sources: [recordId], ...syntheticMark },
    });
  }
  return first.id;
}

/** Drawn from no random number, so adding photos left every other generated record as it was. */
function writePhoto(out: BatchWriter, detainee: DetaineePlan, photographedDetainees: number): void {
  const photoId = syntheticPhotoId(detainee.serial, photographedDetainees);
  if (!photoId) return;
  out.pushNodes({
    id: photoId,
    labels: ['Photo'],
    properties: {
      name: `Synthetic stand-in photo P-${pad(detainee.serial, 7)} (generated pattern, not a face)`,
      takenAt: detainee.detainedFrom,
      checksum: sha256Hex(syntheticPhotoPng(photoId)),
      file: syntheticPhotoFile(photoId),
      sources: [detainee.recordId],
      ...syntheticMark,
    },
  });
  out.pushRelationships({
    id: `syn-depicts:${photoId}`,
    type: 'DEPICTS',
    source: photoId,
    target: detainee.id,
    properties: { sources: [detainee.recordId], ...syntheticMark },
  });
}
