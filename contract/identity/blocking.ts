// Candidate duplicates by blocking: records that share a key (an ID number, a folded name in any
// script, a birth date, a birth year or a place with a name) are compared; no other pair ever is.
// Pure and streaming-friendly: records are added one at a time, pairs come out block by block.
import { identifyingIdNumber } from './id-number.ts';
import { nameKey, nameWords } from '../names.ts';
import { CANDIDATE_THRESHOLD, type MatchRecord, type PairScore, scorePair } from './match-rules.ts';

/** A record as the graph holds it, before its names are folded. */
export interface PersonRecord {
  id: string;
  kind: string;
  name?: string;
  nameZh?: string;
  pinyin?: string;
  idNumber?: string;
  birthDate?: string;
  gender?: string;
  places?: string[];
}

export interface Candidate extends PairScore {
  leftId: string;
  rightId: string;
  /** The blocking keys the pair shares, by kind (id, name, born, year+name, place+name). */
  sharedKeys: string[];
}

export interface BlockingStats {
  records: number;
  /** Distinct blocking keys. */
  keys: number;
  /** Keys shared by at least two records. */
  blocks: number;
  /** Blocks larger than the cap: too common to tell anyone apart (a frequent name); their pairs are left to narrower keys. */
  oversizedBlocks: number;
  /** Pairs the blocks put together, each pair counted once. */
  pairsCompared: number;
  /** Pairs scoring at or above the threshold. */
  candidates: number;
}

/** A block of more records than this is skipped: comparing every pair in it is what blocking exists to avoid. */
export const MAX_BLOCK_SIZE = 100;

/** A trailing "(…)" qualifies a name (the seed's "(synthetic D-000123)", "（合成）"); it is not part of it. */
const QUALIFIER = /\s*[(（][^()（）]*[)）]/gu;

/** A whole name folded as search folds its words (names.ts), in sorted word order so "Tursun Abdukérim" meets "Abdukerim Tursun". */
export function nameForm(text: string): string | undefined {
  const words = nameWords(text.replace(QUALIFIER, ' ')).map(nameKey).filter(Boolean);
  return words.length > 0 ? words.sort().join(' ') : undefined;
}

export function toMatchRecord(person: PersonRecord): MatchRecord {
  const forms = [person.name, person.nameZh, person.pinyin].flatMap((text) => (text ? [nameForm(text)] : [])).filter((form): form is string => !!form);
  const nameZh = person.nameZh?.replace(QUALIFIER, '').trim() || undefined;
  return {
    id: person.id,
    kind: person.kind,
    nameForms: [...new Set(forms)],
    ...(nameZh ? { nameZh } : {}),
    // A placeholder ("无", "000000000000000000") is no ID number: neither the same nor a different one.
    ...(identifyingIdNumber(person.idNumber) ? { idNumber: person.idNumber } : {}),
    ...(person.birthDate ? { birthDate: person.birthDate } : {}),
    ...(person.gender ? { gender: person.gender } : {}),
    places: person.places ?? [],
  };
}

/** The record's blocking keys, sorted: a pair is scored only in the first block (in this order) that both share. */
function blockingKeys(record: MatchRecord): string[] {
  const year = record.birthDate?.slice(0, 4);
  const keys = [
    ...(record.idNumber ? [`id:${record.idNumber}`] : []),
    ...(record.birthDate ? [`born:${record.birthDate}`] : []),
    ...record.nameForms.flatMap((form) => [
      `name:${form}`,
      ...(year ? [`year+name:${year}|${form}`] : []),
      ...record.places.map((place) => `place+name:${place}|${form}`),
    ]),
  ];
  return [...new Set(keys)].sort();
}

export interface BlockingOptions {
  maxBlockSize?: number;
  threshold?: number;
}

/** Collects records, then yields the candidate pairs their shared blocking keys put together. */
export class CandidateBlocker {
  private readonly records: MatchRecord[] = [];
  private readonly keysOf: string[][] = [];
  private readonly blocks = new Map<string, number[]>();
  readonly stats: BlockingStats = { records: 0, keys: 0, blocks: 0, oversizedBlocks: 0, pairsCompared: 0, candidates: 0 };
  private readonly maxBlockSize: number;
  private readonly threshold: number;

  constructor(options: BlockingOptions = {}) {
    this.maxBlockSize = options.maxBlockSize ?? MAX_BLOCK_SIZE;
    this.threshold = options.threshold ?? CANDIDATE_THRESHOLD;
  }

  add(person: PersonRecord): void {
    const record = toMatchRecord(person);
    const index = this.records.length;
    const keys = blockingKeys(record);
    this.records.push(record);
    this.keysOf.push(keys);
    for (const key of keys) {
      const members = this.blocks.get(key);
      if (members) {
        // Past the cap a block is only counted: its members are not kept, so a common name costs no memory.
        if (members.length <= this.maxBlockSize) members.push(index);
      } else this.blocks.set(key, [index]);
    }
    this.stats.records += 1;
  }

  /** Pairs at or above the threshold, block by block (a pair once, in the first block both share). */
  *candidates(): Generator<Candidate> {
    this.stats.keys = this.blocks.size;
    const usable = (key: string) => {
      const size = this.blocks.get(key)!.length;
      return size >= 2 && size <= this.maxBlockSize;
    };
    for (const [key, members] of this.blocks) {
      if (members.length < 2) continue;
      this.stats.blocks += 1;
      if (members.length > this.maxBlockSize) {
        this.stats.oversizedBlocks += 1;
        continue;
      }
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const left = members[i]!;
          const right = members[j]!;
          const shared = this.keysOf[left]!.filter((candidate) => usable(candidate) && this.keysOf[right]!.includes(candidate));
          if (shared[0] !== key) continue;
          this.stats.pairsCompared += 1;
          const a = this.records[left]!;
          const b = this.records[right]!;
          if (a.kind !== b.kind) continue;
          const scored = scorePair(a, b);
          if (scored.score < this.threshold) continue;
          this.stats.candidates += 1;
          const [leftId, rightId] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
          yield { leftId, rightId, ...scored, sharedKeys: [...new Set(shared.map((sharedKey) => sharedKey.slice(0, sharedKey.indexOf(':'))))] };
        }
      }
    }
  }
}

/** All candidates among `people`, best first (score, then ids: the same order on every run). */
export function findCandidates(people: Iterable<PersonRecord>, options: BlockingOptions = {}): { candidates: Candidate[]; stats: BlockingStats } {
  const blocker = new CandidateBlocker(options);
  for (const person of people) blocker.add(person);
  const candidates = [...blocker.candidates()].sort((a, b) => b.score - a.score || a.leftId.localeCompare(b.leftId) || a.rightId.localeCompare(b.rightId));
  return { candidates, stats: blocker.stats };
}
