// Known duplicates: some detainees recorded a second time, in a synthetic transfer list, under
// another spelling of their name (English-style Latin, pinyin with or without tones, another word
// order) and sharing one fact with the first record (ID number, birth date, village). The ground
// truth (knownDuplicatePairs) lets tests measure the matcher's precision and recall. Drawn from no
// random number, so turning them on leaves every other generated record as it was.
import { syntheticRecordedAgainName } from '../synthetic-names.ts';
import { type BatchWriter, type RawBatch, SYNTHETIC_COLLECTION, syntheticMark } from './batch-writer.ts';
import { pad } from './draw.ts';
import type { ScaleOptions } from './scales.ts';

/** What a duplicate copies or varies of the detainee it repeats. */
export interface RecordedDetainee {
  id: string;
  name: string;
  nameZh: string;
  pinyin: string;
  gender: string;
  birthDate: string;
  idNumber: string;
  village: string | null;
  facility: string;
}

/** How each duplicate differs and what it shares, in turn. */
const VARIANTS = ['english-spelling+id-number', 'pinyin-toneless+birth-date', 'word-order+birth-date+village', 'pinyin-tones+id-number'] as const;
export type DuplicateVariant = (typeof VARIANTS)[number];

const duplicateId = (k: number) => `syn-duplicate-${pad(k, 6)}`;
const transferListId = (k: number) => `syn-doc-transfer-${pad(k, 6)}`;
const detaineeId = (serial: number) => `syn-detainee-${pad(serial, 7)}`;

/** Serials of the detainees recorded twice: spread evenly over all of them. */
function repeatedSerials(options: Pick<ScaleOptions, 'detainees' | 'knownDuplicates'>): number[] {
  const count = Math.min(options.knownDuplicates, options.detainees);
  if (count === 0) return [];
  const step = Math.floor(options.detainees / count);
  return Array.from({ length: count }, (_, k) => (k + 1) * step);
}

export function isRepeated(options: Pick<ScaleOptions, 'detainees' | 'knownDuplicates'>): (serial: number) => boolean {
  const serials = new Set(repeatedSerials(options));
  return (serial) => serials.has(serial);
}

/** The ground truth: each pair of ids that are one person, and how the second record spells them. */
export function knownDuplicatePairs(
  options: Pick<ScaleOptions, 'detainees' | 'knownDuplicates'>,
): { originalId: string; duplicateId: string; variant: DuplicateVariant }[] {
  return repeatedSerials(options).map((serial, k) => ({
    originalId: detaineeId(serial),
    duplicateId: duplicateId(k + 1),
    variant: VARIANTS[k % VARIANTS.length]!,
  }));
}

const bare = (text: string) => text.replace(/\s*[(（][^()（）]*[)）]\s*$/u, '');

/** As an English-language report would spell a ULY name: no diacritics, k for q, sh for x, -jang for -jan. */
function englishSpelling(latin: string): string {
  return latin
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/q/g, 'k')
    .replace(/Q/g, 'K')
    .replace(/x/g, 'sh')
    .replace(/X/g, 'Sh')
    .replace(/jan\b/g, 'jang');
}

const toneless = (pinyin: string) =>
  pinyin
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0304\u030c]/gu, '')
    .normalize('NFC');
const reversed = (text: string, separator: string) => text.split(separator).reverse().join(separator);

function spelling(original: RecordedDetainee, variant: DuplicateVariant): { latin: string; zh: string; pinyin: string } {
  const latin = bare(original.name);
  const zh = bare(original.nameZh);
  const pinyin = bare(original.pinyin);
  switch (variant) {
    case 'english-spelling+id-number':
      return { latin: englishSpelling(latin), zh, pinyin };
    case 'pinyin-toneless+birth-date':
      return { latin: toneless(pinyin), zh, pinyin };
    case 'word-order+birth-date+village':
      return { latin: reversed(latin, ' '), zh: reversed(zh, '·'), pinyin: reversed(pinyin, ' ') };
    case 'pinyin-tones+id-number':
      return { latin: pinyin, zh, pinyin };
  }
}

export function* writeKnownDuplicates(out: BatchWriter, originals: readonly RecordedDetainee[]): Generator<RawBatch, void, undefined> {
  for (const [index, original] of originals.entries()) {
    const k = index + 1;
    const variant = VARIANTS[index % VARIANTS.length]!;
    const { latin, zh, pinyin } = spelling(original, variant);
    const listId = transferListId(k);
    const id = duplicateId(k);
    out.pushNodes(
      {
        id: listId,
        labels: ['Document'],
        properties: { name: `Synthetic transfer list T-${pad(k, 6)}`, collection: SYNTHETIC_COLLECTION, synthetic: true },
      },
      {
        id,
        labels: ['Person', 'Detainee'],
        properties: {
          ...syntheticRecordedAgainName(latin, zh, pinyin, k),
          gender: original.gender,
          ...(variant.includes('id-number') ? { idNumber: original.idNumber } : {}),
          ...(variant.includes('birth-date') ? { birthDate: original.birthDate } : {}),
          ethnicity: 'Uyghur',
          sources: [listId],
          ...syntheticMark,
        },
      },
    );
    out.pushRelationships({
      id: `syn-detained:${id}:1`,
      type: 'DETAINED_AT',
      source: id,
      target: original.facility,
      properties: { recordedReason: 'transfer', sources: [listId], ...syntheticMark },
    });
    if (variant.includes('village') && original.village)
      out.pushRelationships({
        id: `syn-resides:${id}`,
        type: 'RESIDES_IN',
        source: id,
        target: original.village,
        properties: { sources: [listId], ...syntheticMark },
      });
    yield* out.flushIfFull();
  }
}
