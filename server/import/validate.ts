// Checks an import's rows: each against the model (NodeRow / RelationshipRow), then against each
// other and the graph: one id per row, links whose ends exist with the kinds the model allows,
// sources that are Documents, and no node turned into another kind.
import type { z } from 'zod';
import { queries } from '../../contract/queries/index.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import {
  ENTITY_LABEL,
  RelationshipProps,
  kindOf,
  nodeSchemas,
  primaryKind,
  relationshipEnds,
  type NodeLabel,
  type RelationshipType,
} from '../../contract/model.ts';
import { NodeRow, RelationshipRow } from '../../contract/graph-rows.ts';
import { identifyingIdNumber } from '../../contract/identity/id-number.ts';
import { notImportable, type RawNodeRow, type RawRelationshipRow, type RawRows } from './read-rows.ts';
import { sortEntries, type ReportEntry } from './report.ts';

/** The labels (without Entity) of the evidence nodes among `ids` that the graph holds; missing ids are absent. */
export type LookupNodes = (ids: string[]) => Promise<Map<string, string[]>>;

export interface ValidRows {
  /** The rows that passed every check, in file order: ready for toBatches. */
  nodes: NodeRow[];
  relationships: RelationshipRow[];
  /** Every problem of every bad row, by line. */
  problems: ReportEntry[];
  /** Rows in the file, good and bad. */
  rowCount: number;
  /** Rows with at least one problem. */
  badRowCount: number;
}

interface Candidate<Raw, Parsed> {
  line: number;
  raw: Raw;
  parsed: Parsed | null;
}

/** zod says "expected string, received undefined" for a missing field; a report should say it plainly. */
function reasonOf(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_type' && /received undefined$/.test(issue.message) ? 'is required' : issue.message;
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(row)';
}

/** zod objects drop keys they do not know: a misspelt property would vanish without a word. */
function unknownProperties(properties: Record<string, unknown>, shape: Record<string, unknown>, owner: string): { field: string; reason: string }[] {
  return Object.keys(properties)
    .filter((key) => key in notImportable || !(key in shape))
    .map((key) => ({ field: `properties.${key}`, reason: notImportable[key] ?? `is not a property of ${owner}` }));
}

function article(label: string): string {
  return /^[AEIOU]/.test(label) ? `an ${label}` : `a ${label}`;
}

function kinds(labels: readonly NodeLabel[]): string {
  return labels.map(article).join(' or ');
}

/**
 * Validates `rows`; `lookup` answers for the graph (graphLookup in the CLI, a map in unit tests).
 * With every problem found, the caller writes nothing or (skipping) just the rows returned.
 */
export async function validateRows(rows: RawRows, lookup: LookupNodes): Promise<ValidRows> {
  const { file } = rows;
  const problems: ReportEntry[] = [...rows.problems];
  const bad = new Set<number>(rows.problems.map((problem) => problem.line));
  const report = (line: number, field: string, reason: string) => {
    problems.push({ file, line, field, reason });
    bad.add(line);
  };
  const row = rows.positions === 'line' ? 'line' : 'row';

  // Each row on its own: the model's schema, and no property the model does not know.
  const nodes: Candidate<RawNodeRow, NodeRow>[] = rows.nodes.map(({ line, row: raw }) => {
    const parsed = NodeRow.safeParse(raw);
    for (const issue of parsed.error?.issues ?? []) report(line, fieldOf(issue.path), reasonOf(issue));
    const kind = Array.isArray(raw.labels) ? primaryKind(raw.labels.filter((label): label is string => typeof label === 'string')) : null;
    const unknown = kind ? unknownProperties(raw.properties, nodeSchemas[kind].shape, kind) : [];
    for (const { field, reason } of unknown) report(line, field, reason);
    // Ids reach every reader, a viewer included: one that spells a person's ID number out shows it.
    const number = parsed.success && kind === 'Person' ? identifyingIdNumber(parsed.data.properties.idNumber) : null;
    const spelt = number !== null && parsed.data!.id.replace(/[^\p{L}\p{N}]/gu, '').includes(number.replace(/[^\p{L}\p{N}]/gu, ''));
    if (spelt)
      report(
        line,
        'id',
        "holds the person's ID number, which every reader sees in an id: give the row an id without it (a mapping's key makes one: npm run import -- FILE --mapping M.yaml)",
      );
    return { line, raw, parsed: parsed.success && unknown.length === 0 && !spelt ? parsed.data : null };
  });
  const relationships: Candidate<RawRelationshipRow, RelationshipRow>[] = rows.relationships.map(({ line, row: raw }) => {
    const parsed = RelationshipRow.safeParse(raw);
    for (const issue of parsed.error?.issues ?? []) report(line, fieldOf(issue.path), reasonOf(issue));
    const unknown = unknownProperties(raw.properties, RelationshipProps.shape, 'a relationship');
    for (const { field, reason } of unknown) report(line, field, reason);
    return { line, raw, parsed: parsed.success && unknown.length === 0 ? parsed.data : null };
  });

  // One id names one element: a node and a link sharing one would collide in every drawing too.
  // Which of two rows is right cannot be told, so every row with a shared id is refused.
  const linesById = new Map<string, number[]>();
  for (const { line, raw } of [...nodes, ...relationships]) {
    if (typeof raw.id !== 'string') continue;
    linesById.set(raw.id, [...(linesById.get(raw.id) ?? []), line]);
  }
  for (const [id, lines] of linesById) {
    if (lines.length < 2) continue;
    for (const line of lines) {
      const others = lines.filter((other) => other !== line);
      report(line, 'id', `"${id}" is also the id of the row${others.length > 1 ? 's' : ''} on ${row}${others.length > 1 ? 's' : ''} ${others.join(', ')}`);
    }
  }
  const isGood = <Raw, Parsed>(candidate: Candidate<Raw, Parsed>): candidate is Candidate<Raw, Parsed> & { parsed: Parsed } =>
    candidate.parsed !== null && !bad.has(candidate.line);

  // One look at the graph for every id the good rows name.
  const wanted = new Set<string>();
  const sourcesOf = (properties: Record<string, unknown>) => (Array.isArray(properties.sources) ? (properties.sources as string[]) : []);
  for (const node of nodes.filter(isGood)) {
    for (const id of [node.parsed.id, ...sourcesOf(node.parsed.properties)]) wanted.add(id);
  }
  for (const link of relationships.filter(isGood)) {
    for (const id of [link.parsed.id, link.parsed.source, link.parsed.target, ...sourcesOf(link.parsed.properties)]) wanted.add(id);
  }
  const existing = wanted.size > 0 ? await lookup([...wanted].sort()) : new Map<string, string[]>();

  // A MERGE adds labels and never removes one: a file may add a role, not change a node's kind.
  for (const node of nodes.filter(isGood)) {
    const inGraph = existing.get(node.parsed.id);
    const graphKind = inGraph ? primaryKind(inGraph) : null;
    const fileKind = primaryKind(node.parsed.labels);
    if (graphKind && graphKind !== fileKind)
      report(node.line, 'labels', `"${node.parsed.id}" is ${article(graphKind)} in the graph; an import cannot make it ${article(fileKind ?? '?')}`);
  }
  for (const link of relationships.filter(isGood)) {
    if (existing.has(link.parsed.id)) report(link.line, 'id', `"${link.parsed.id}" is the id of a node in the graph`);
  }

  // From here a node is what the good rows and the graph say together, as it will be once written.
  const goodNodes = new Map(nodes.filter(isGood).map((node) => [node.parsed.id, node]));
  const fileLines = new Map<string, number>();
  for (const node of nodes) if (typeof node.raw.id === 'string' && !fileLines.has(node.raw.id)) fileLines.set(node.raw.id, node.line);
  const labelsOf = (id: string): string[] | null => {
    const fromFile = goodNodes.get(id)?.parsed.labels;
    const fromGraph = existing.get(id);
    return fromFile || fromGraph ? [...new Set([...(fromFile ?? []), ...(fromGraph ?? [])])] : null;
  };
  const absent = (id: string): string =>
    fileLines.has(id) ? `"${id}" is the row on ${row} ${fileLines.get(id)}, which is invalid` : `"${id}" is not in the file or the graph`;
  const sourceProblems = (properties: Record<string, unknown>): string[] =>
    sourcesOf(properties).flatMap((id) => {
      const labels = labelsOf(id);
      if (!labels) return [absent(id)];
      return labels.includes('Document') ? [] : [`"${id}" is ${article(kindOf(labels))}, not a Document`];
    });

  // A node that cites a refused Document is refused in turn; documents may cite documents, so
  // this goes on until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, node] of goodNodes) {
      if (bad.has(node.line)) {
        goodNodes.delete(id);
        changed = true;
        continue;
      }
      const reasons = sourceProblems(node.parsed.properties);
      if (reasons.length === 0) continue;
      for (const reason of reasons) report(node.line, 'properties.sources', reason);
      goodNodes.delete(id);
      changed = true;
    }
  }

  for (const link of relationships.filter(isGood)) {
    const ends = relationshipEnds[link.parsed.type as RelationshipType];
    for (const [field, id, allowed, verb] of [
      ['source', link.parsed.source, ends.from, 'starts at'],
      ['target', link.parsed.target, ends.to, 'ends at'],
    ] as const) {
      const labels = labelsOf(id);
      if (!labels) report(link.line, field, absent(id));
      else if (!allowed.some((label) => labels.includes(label))) {
        report(link.line, field, `"${id}" is ${article(kindOf(labels))}; ${link.parsed.type} ${verb} ${kinds(allowed)}`);
      }
    }
    for (const reason of sourceProblems(link.parsed.properties)) report(link.line, 'properties.sources', reason);
  }

  return {
    nodes: nodes.filter(isGood).map((node) => node.parsed),
    relationships: relationships.filter(isGood).map((link) => link.parsed),
    problems: sortEntries(problems),
    rowCount: rows.nodes.length + rows.relationships.length + rows.problems.length,
    badRowCount: bad.size,
  };
}

/** Rows per look-up: each id is one index seek, so a chunk stays well inside the query timeout. */
const LOOKUP_CHUNK = 10_000;

/** The graph's answer for validateRows, through the catalogue's existing-nodes query. */
export function graphLookup(graph: GraphExecutor): LookupNodes {
  return async (ids) => {
    const found = new Map<string, string[]>();
    for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
      const chunk = ids.slice(start, start + LOOKUP_CHUNK);
      for (const row of await graph.records(queries.existingNodes, { ids: chunk, limit: chunk.length }, { timeoutMs: 60_000 })) {
        found.set(
          row.id,
          row.labels.filter((label) => label !== ENTITY_LABEL),
        );
      }
    }
    return found;
  };
}
