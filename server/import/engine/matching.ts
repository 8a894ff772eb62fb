// Matching on the way in: each incoming node against the graph, by explainable rules. Certain: the
// same id, or (people) the same official identifier: the node merges into the existing one. Possible:
// the same whole name in some script, the same kind, and a shared place or birth date: written as
// its own node and listed with its score and reasons for review (issue 12's queue), never merged,
// never a silent duplicate. One query per batch (contract/queries/import/match-candidates.cypher).
import { identifyingIdNumber } from '../../../contract/identity/id-number.ts';
import type { NodeRow } from '../../../contract/graph-rows.ts';
import { ENTITY_LABEL, primaryKind } from '../../../contract/model.ts';
import { plainKey } from '../../../contract/names.ts';
import { queries } from '../../../contract/queries/index.ts';
import type { RowOf } from '../../../contract/queries/define-query.ts';
import type { Json } from '../../../contract/result.ts';
import type { GraphExecutor } from '../../graph/executor.ts';

export type Candidate = RowOf<typeof queries.matchCandidates>;

export interface Verdict {
  verdict: 'new' | 'same' | 'possible';
  existing?: Candidate;
  score: number;
  reasons: string[];
}

/** The signals a possible match is scored by, with their weights (the name itself counts 0.5). */
export const MATCH_WEIGHTS = { name: 0.5, birthDate: 0.3, place: 0.2, coordinates: 0.3, kindDetail: 0.1 } as const;

/** Two places within this many kilometres are the same site as far as matching goes. */
const NEAR_KM = 1;

/** Candidates read for each name, each ID number and each person's birth date: a few, not all of a common name's namesakes. */
const CANDIDATES_PER_NAME = 5;

/** Most names one query asks about (the query's own cap). */
const NAMES_PER_QUERY = 10_000;

/**
 * A batch's candidates, indexed by id, ID number and match key, so each node's verdict reads its own
 * few rather than every candidate of the batch (thousands of nodes times tens of thousands of
 * candidates, once the graph holds the names a roster repeats).
 */
export class Candidates {
  private readonly byId = new Map<string, Candidate>();
  private readonly byNumber = new Map<string, Candidate>();
  private readonly byKey = new Map<string, number[]>();
  /** Each name candidate's places, folded once: a common name is scored against hundreds of rows. */
  private readonly places = new Map<number, PlaceKeys>();

  /** Each candidate once: a node found by two of a batch's name queries is one candidate. */
  readonly all: readonly Candidate[];

  constructor(found: readonly Candidate[]) {
    const seen = new Set<string>();
    this.all = found.filter((candidate) => {
      const once = `${candidate.via}\0${candidate.id}`;
      return !seen.has(once) && Boolean(seen.add(once));
    });
    this.all.forEach((candidate, index) => {
      if (candidate.via === 'id') {
        if (!this.byId.has(candidate.id)) this.byId.set(candidate.id, candidate);
      } else if (candidate.via === 'idNumber') {
        const number = candidate.properties.idNumber;
        if (typeof number === 'string' && !this.byNumber.has(number)) this.byNumber.set(number, candidate);
      } else {
        this.places.set(index, placeKeys(candidate.properties));
        for (const key of new Set((candidate.properties.matchKeys as string[] | null) ?? [])) {
          const list = this.byKey.get(key);
          if (list) list.push(index);
          else this.byKey.set(key, [index]);
        }
      }
    });
  }

  /** The node the graph holds under this id, found by id. */
  withId(id: string): Candidate | undefined {
    return this.byId.get(id);
  }

  withIdNumber(idNumber: string): Candidate | undefined {
    return this.byNumber.get(idNumber);
  }

  /** Name candidates sharing one of `keys`, each once, in the order the graph gave them, with their folded places. */
  sharing(keys: ReadonlySet<string>): { candidate: Candidate; places: PlaceKeys }[] {
    const indexes = new Set<number>();
    for (const key of keys) for (const index of this.byKey.get(key) ?? []) indexes.add(index);
    return [...indexes].sort((a, b) => a - b).map((index) => ({ candidate: this.all[index]!, places: this.places.get(index)! }));
  }
}

/** Candidates for a batch's nodes: by id, by ID number, by whole name; at most a few per name. */
export async function findCandidates(graph: GraphExecutor, nodes: readonly NodeRow[]): Promise<Candidates> {
  if (nodes.length === 0) return new Candidates([]);
  const ids = nodes.map((node) => node.id);
  const idNumbers = [...new Set(nodes.flatMap((node) => identifyingIdNumber(node.properties.idNumber) ?? []))];
  // A roster repeats names: each key is asked once per batch, not once per row that carries it (asked
  // per row, a batch of 5,000 rows with 100 names sent ten queries that each found the same people).
  const keys = [...new Set(nodes.flatMap(matchKeysOf))];
  // Each person with a birth date and a name, once: namesakes born that day are found past the name's own cap.
  const people = new Map<string, { birthDate: string; keys: string[] }>();
  for (const node of nodes) {
    const { birthDate, matchKeys } = node.properties as { birthDate?: unknown; matchKeys?: string[] };
    if (!node.labels.includes('Person') || typeof birthDate !== 'string' || !matchKeys?.length) continue;
    const keys = matchKeys.filter(Boolean);
    if (keys.length > 0) people.set(`${birthDate}\0${keys.join('\0')}`, { birthDate, keys });
  }
  const found: Candidate[] = [];
  for (let start = 0; start === 0 || start < keys.length; start += NAMES_PER_QUERY) {
    const chunk = keys.slice(start, start + NAMES_PER_QUERY);
    const rows = await graph.records(
      queries.matchCandidates,
      {
        ids: start === 0 ? ids : [],
        idNumbers: start === 0 ? idNumbers : [],
        matchKeys: chunk.filter(Boolean),
        perName: CANDIDATES_PER_NAME,
        people: start === 0 ? [...people.values()] : [],
        // Every branch's cap added up (an id finds one node): the LIMIT never cuts a branch short.
        limit: Math.max(1, (start === 0 ? ids.length + (idNumbers.length + people.size) * CANDIDATES_PER_NAME : 0) + chunk.length * CANDIDATES_PER_NAME),
      },
      { timeoutMs: 120_000 },
    );
    found.push(...rows.map((row) => ({ ...row, labels: row.labels.filter((label) => label !== ENTITY_LABEL) })));
  }
  return new Candidates(found);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? plainKey(value) : null;
}

function distanceKm(a: Record<string, unknown>, b: Record<string, unknown>): number | null {
  const [lat1, lon1, lat2, lon2] = [a.latitude, a.longitude, b.latitude, b.longitude];
  if (![lat1, lon1, lat2, lon2].every((value) => typeof value === 'number')) return null;
  const rad = Math.PI / 180;
  const dLat = ((lat2 as number) - (lat1 as number)) * rad;
  const dLon = ((lon2 as number) - (lon1 as number)) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos((lat1 as number) * rad) * Math.cos((lat2 as number) * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The place fields a name match is corroborated by, folded for comparison. */
type PlaceKeys = readonly (string | null)[];
const PLACE_FIELDS = ['address', 'county', 'prefecture'] as const;
const KIND_DETAILS = ['level', 'placeType', 'facilityType'] as const;
/** What a verdict reads of a candidate (its score and the report's name): all a file's node keeps of its row. */
const SCORED_FIELDS = ['name', 'idNumber', 'birthDate', ...PLACE_FIELDS, 'latitude', 'longitude', ...KIND_DETAILS] as const;

function placeKeys(properties: Record<string, unknown>): PlaceKeys {
  return PLACE_FIELDS.map((field) => text(properties[field]));
}

/** A name-and-kind candidate's score: which signals agree, and whether any disagree outright. */
function scoreByName(
  node: NodeRow,
  nodePlaces: PlaceKeys,
  candidate: Candidate,
  candidatePlaces: PlaceKeys,
): { score: number; reasons: string[]; corroborated: boolean; contradicted: boolean } {
  const mine = node.properties;
  const theirs = candidate.properties;
  const reasons = ['same name, written the same in some script'];
  let score: number = MATCH_WEIGHTS.name;
  let contradicted = false;
  if (typeof mine.birthDate === 'string' && typeof theirs.birthDate === 'string') {
    if (mine.birthDate === theirs.birthDate) {
      score += MATCH_WEIGHTS.birthDate;
      reasons.push('same birth date');
    } else contradicted = true;
  }
  const samePlace = PLACE_FIELDS.findIndex((_, index) => nodePlaces[index] !== null && nodePlaces[index] === candidatePlaces[index]);
  if (samePlace >= 0) {
    score += MATCH_WEIGHTS.place;
    reasons.push(`same ${PLACE_FIELDS[samePlace]}`);
  }
  const km = distanceKm(mine, theirs);
  if (km !== null && km <= NEAR_KM) {
    score += MATCH_WEIGHTS.coordinates;
    reasons.push(`within ${NEAR_KM} km (${km.toFixed(2)} km apart)`);
  }
  for (const key of KIND_DETAILS) {
    if (mine[key] !== undefined && mine[key] === theirs[key]) {
      score += MATCH_WEIGHTS.kindDetail;
      reasons.push(`same ${key} (${String(mine[key])})`);
    }
  }
  // Every signal past the name is one that agreed.
  return { score: Math.min(0.99, Math.round(score * 100) / 100), reasons, corroborated: reasons.length > 1, contradicted };
}

/**
 * Batches of the file's own nodes kept for matching, besides the batch being matched: the write pass
 * matches batch n while runImport still holds n - 1 (its look-ahead) and writes n - 2 (ahead.ts); it
 * awaited n - 3's commit before it asked for n - 1.
 */
const FILE_BATCHES_KEPT = 2;

interface FileNode {
  candidate: Candidate;
  /** Its places folded, once it is first compared: most of a roster's nodes never are (a name gives its first few). */
  places?: PlaceKeys;
  /** The names it is listed under, and its birth date. */
  keys: readonly string[];
  born: string | null;
}

/** Appends to a list in a map; a new list holds just the one (most hold one: `[]` and a push would reserve seventeen). */
function appendIn<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Takes the first of a list in a map (the oldest), and the list once empty. */
function dropFirst<K, V>(map: Map<K, V[]>, key: K): void {
  const list = map.get(key);
  list?.shift();
  if (list?.length === 0) map.delete(key);
}

/**
 * The nodes of the file being imported that a node must be matched against but the graph cannot
 * answer for yet: the earlier nodes of its own batch, and those of the two batches before it, which
 * the write pass prepares while Neo4j still writes them (and which a check never writes). Farther back
 * the graph answers (in a check, nothing does). Looked up as the graph is: by ID number, and by name,
 * each name giving its first few bearers and a few more born on the node's birth day, so a roster
 * repeating a common name scores each row against a few.
 */
export class FileNodes {
  private readonly batches: FileNode[][] = [[]];
  /** By match key; and by match key, then birth date. Lists keep the order nodes came in: the oldest first. */
  private readonly byName = new Map<string, FileNode[]>();
  private readonly byBorn = new Map<string, Map<string, FileNode[]>>();
  private readonly byNumber = new Map<string, FileNode>();

  /** A node written under its own id (new, a possible match of another, or the graph's node of that id): the nodes after it are matched against it. */
  add(node: NodeRow): void {
    // As the graph's look-up: an ID number identifies a person.
    const idNumber = node.labels.includes('Person') ? identifyingIdNumber(node.properties.idNumber) : null;
    const keys = matchKeysOf(node);
    if (keys.length === 0 && !idNumber) return;
    // Only what a verdict reads: a roster's rows carry notes and raw columns, thousands of them kept here.
    const properties: Candidate['properties'] = {};
    for (const field of SCORED_FIELDS) if (node.properties[field] !== undefined) properties[field] = node.properties[field] as Json;
    const born = bornOf(node);
    const kept: FileNode = { candidate: { id: node.id, labels: node.labels, via: 'name', properties }, keys, born };
    this.batches.at(-1)!.push(kept);
    for (const key of keys) {
      appendIn(this.byName, key, kept);
      if (!born) continue;
      let byDate = this.byBorn.get(key);
      if (!byDate) {
        byDate = new Map();
        this.byBorn.set(key, byDate);
      }
      appendIn(byDate, born, kept);
    }
    if (idNumber && !this.byNumber.has(idNumber)) this.byNumber.set(idNumber, kept);
  }

  /**
   * The verdict for an incoming node against the graph's candidates and these nodes (verdictOf); a
   * node that stays under its own id is kept, for the nodes after it to be matched against.
   */
  judge(node: NodeRow, candidates: Candidates): Verdict {
    const verdict = verdictOf(node, candidates, this);
    if (mergedInto(node, verdict) === null) this.add(node);
    return verdict;
  }

  /** The batch is matched: the next one starts, and the oldest kept is dropped, the graph holding it by now. */
  endBatch(): void {
    this.batches.push([]);
    if (this.batches.length <= FILE_BATCHES_KEPT + 1) return;
    for (const dropped of this.batches.shift()!) {
      for (const key of dropped.keys) {
        dropFirst(this.byName, key);
        const byDate = this.byBorn.get(key);
        if (!dropped.born || !byDate) continue;
        dropFirst(byDate, dropped.born);
        if (byDate.size === 0) this.byBorn.delete(key);
      }
      const idNumber = dropped.candidate.properties.idNumber;
      if (typeof idNumber === 'string' && this.byNumber.get(idNumber) === dropped) this.byNumber.delete(idNumber);
    }
  }

  withIdNumber(idNumber: string): Candidate | undefined {
    return this.byNumber.get(idNumber)?.candidate;
  }

  /** Nodes sharing a name with `node`: the first few of each name, and of each name with its birth date. */
  sharing(node: NodeRow): { candidate: Candidate; places: PlaceKeys }[] {
    const found = new Set<FileNode>();
    const born = bornOf(node);
    for (const key of matchKeysOf(node)) {
      for (const list of [this.byName.get(key), born ? this.byBorn.get(key)?.get(born) : undefined]) {
        for (let i = 0; list && i < Math.min(list.length, CANDIDATES_PER_NAME); i++) found.add(list[i]!);
      }
    }
    return [...found].map((kept) => {
      kept.places ??= placeKeys(kept.candidate.properties);
      return { candidate: kept.candidate, places: kept.places };
    });
  }
}

/** Values a node merging into another is compared on: those the look-up reads (match-candidates.cypher) and a row can give. */
const COMPARED = ['name', 'nameZh', 'idNumber', 'birthDate', 'address', 'county', 'prefecture', 'level', 'placeType', 'facilityType'] as const;

/**
 * What a node that merges into another (a 'same' verdict) says otherwise than the node it merges
 * into: the merge keeps the existing value and stores nothing of this one, so the report says so
 * (a later roster's other name for one ID number, a post's new holder under the post's key).
 */
export function disagreements(node: NodeRow, verdict: Verdict): { key: string; kept: string; given: string }[] {
  if (verdict.verdict !== 'same') return [];
  const existing = verdict.existing!.properties;
  return COMPARED.flatMap((key) => {
    const kept = existing[key];
    const given = node.properties[key];
    if (kept === undefined || kept === null || given === undefined || given === null || String(kept) === String(given)) return [];
    return [{ key, kept: String(kept), given: String(given) }];
  });
}

/** The id of the node `node` merges into by its verdict: the same id or ID number as another's; else null. */
export function mergedInto(node: NodeRow, verdict: Verdict): string | null {
  return verdict.verdict === 'same' && verdict.existing!.id !== node.id ? verdict.existing!.id : null;
}

/** A node's match keys (contract/names.ts derives them, each once). */
function matchKeysOf(node: NodeRow): readonly string[] {
  return (node.properties.matchKeys as string[] | undefined) ?? [];
}

function bornOf(node: NodeRow): string | null {
  return typeof node.properties.birthDate === 'string' ? node.properties.birthDate : null;
}

/**
 * The verdict for one incoming node among the batch's candidates from the graph and, when given, the
 * file's own nodes not in the graph yet. The same id or ID number settles it; otherwise the best
 * corroborated name match of either is a possible one.
 */
export function verdictOf(node: NodeRow, candidates: Candidates, fileNodes?: FileNodes): Verdict {
  const kind = primaryKind(node.labels);
  const byId = candidates.withId(node.id);
  if (byId) return { verdict: 'same', existing: byId, score: 1, reasons: ['same id'] };
  const idNumber = identifyingIdNumber(node.properties.idNumber);
  if (idNumber && kind === 'Person') {
    const byNumber = candidates.withIdNumber(idNumber) ?? fileNodes?.withIdNumber(idNumber);
    if (byNumber) return { verdict: 'same', existing: byNumber, score: 1, reasons: ['same ID number'] };
  }

  const keys = new Set(matchKeysOf(node));
  let best: Verdict = { verdict: 'new', score: 0, reasons: [] };
  if (keys.size === 0) return best;
  const nodePlaces = placeKeys(node.properties);
  for (const { candidate, places } of [...candidates.sharing(keys), ...(fileNodes?.sharing(node) ?? [])]) {
    if (candidate.id === node.id || primaryKind(candidate.labels) !== kind) continue;
    const scored = scoreByName(node, nodePlaces, candidate, places);
    if (!scored.corroborated || scored.contradicted || scored.score <= best.score) continue;
    best = { verdict: 'possible', existing: candidate, score: scored.score, reasons: scored.reasons };
  }
  return best;
}
