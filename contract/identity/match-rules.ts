// The explainable rules that score a possible duplicate: each signal, its weight and why, in the
// manner of nomenklatura's rule-based matcher. Pure: the server, the importer and the client (which
// lists the signals that counted) share it.
import { z } from 'zod';

/** What the rules read of a record. Names are already folded (see blocking.ts, nameForms). */
export interface MatchRecord {
  id: string;
  /** The kind a record is shown as (model.ts primaryKind): only records of one kind are compared. */
  kind: string;
  /** Folded whole-name forms, one per script the record gives (Latin, characters, pinyin), token order ignored. */
  nameForms: string[];
  /** The Chinese name in characters, as written (without qualifiers), if any. */
  nameZh?: string;
  idNumber?: string;
  birthDate?: string;
  gender?: string;
  /** Places the record links the person to (ids of villages, townships…). */
  places: string[];
}

export const SignalName = z.enum([
  'same-id-number',
  'different-id-number',
  'same-name',
  'same-chinese-name',
  'same-birth-date',
  'same-birth-year',
  'different-birth-date',
  'same-place',
  'different-gender',
]);
export type SignalName = z.infer<typeof SignalName>;

interface Rule {
  weight: number;
  /** What the signal means, as the review queue says it. */
  description: string;
  holds: (a: MatchRecord, b: MatchRecord) => boolean;
}

const birthYear = (record: MatchRecord) => record.birthDate?.slice(0, 4);
const both = <T>(a: T | undefined, b: T | undefined): a is T => a !== undefined && b !== undefined;

/**
 * Weights add up and the sum is clamped to 0..1. An identity number is near-proof; a name alone is
 * weak (synthetic and real namesakes are common), and a name plus a birth date or a place is strong.
 * Conflicting facts weigh against: two ID numbers or two birth dates that differ.
 */
export const MATCH_RULES: Readonly<Record<SignalName, Rule>> = {
  'same-id-number': { weight: 0.6, description: 'the same ID number', holds: (a, b) => both(a.idNumber, b.idNumber) && a.idNumber === b.idNumber },
  'different-id-number': {
    weight: -0.6,
    description: 'two different ID numbers',
    holds: (a, b) => both(a.idNumber, b.idNumber) && a.idNumber !== b.idNumber,
  },
  'same-name': {
    weight: 0.3,
    description: 'the same name once spelling, tones, diacritics and word order are folded',
    holds: (a, b) => a.nameForms.some((form) => b.nameForms.includes(form)),
  },
  'same-chinese-name': { weight: 0.1, description: 'the same name in Chinese characters', holds: (a, b) => both(a.nameZh, b.nameZh) && a.nameZh === b.nameZh },
  'same-birth-date': { weight: 0.3, description: 'the same birth date', holds: (a, b) => both(a.birthDate, b.birthDate) && a.birthDate === b.birthDate },
  'same-birth-year': {
    weight: 0.1,
    description: 'the same birth year, different or partial dates',
    holds: (a, b) => both(birthYear(a), birthYear(b)) && birthYear(a) === birthYear(b) && a.birthDate !== b.birthDate,
  },
  'different-birth-date': {
    weight: -0.4,
    description: 'birth dates in different years',
    holds: (a, b) => both(birthYear(a), birthYear(b)) && birthYear(a) !== birthYear(b),
  },
  'same-place': { weight: 0.15, description: 'linked to the same place', holds: (a, b) => a.places.some((place) => b.places.includes(place)) },
  'different-gender': {
    weight: -0.3,
    description: 'recorded with different genders',
    holds: (a, b) => both(a.gender, b.gender) && a.gender !== 'unknown' && b.gender !== 'unknown' && a.gender !== b.gender,
  },
};

export const Signal = z.object({ name: SignalName, weight: z.number(), description: z.string() });
export type Signal = z.infer<typeof Signal>;

/** At or above this a pair is put to an analyst: a name with a place alone (0.55) is a namesake too often, a name with a birth date or an ID number is not. */
export const CANDIDATE_THRESHOLD = 0.6;

export interface PairScore {
  score: number;
  signals: Signal[];
}

/** Every rule that holds for the pair, and the clamped sum of their weights. */
export function scorePair(a: MatchRecord, b: MatchRecord): PairScore {
  const signals: Signal[] = [];
  let sum = 0;
  for (const [name, rule] of Object.entries(MATCH_RULES) as [SignalName, Rule][]) {
    if (!rule.holds(a, b)) continue;
    signals.push({ name, weight: rule.weight, description: rule.description });
    sum += rule.weight;
  }
  return { score: Math.round(Math.min(1, Math.max(0, sum)) * 100) / 100, signals };
}
