// The rows the seed and the importer write: one node or relationship each, checked against model.ts.
import { z } from 'zod';
import type { Json } from './result.ts';
import { NodeLabel, RelationshipProps, RelationshipType, StableId, nodeSchemas, primaryKind } from './model.ts';
import { deriveNames, matchKeys } from './names.ts';

type Properties = Record<string, Json>;

/**
 * Properties without `id` (the row carries it), without undefined values (Neo4j stores no nulls) and
 * without empty lists: "no aliases" is said by their absence, as Neo4j's offline importer (which
 * cannot write an empty list) leaves it too, so both write paths store the same graph.
 */
function stored(properties: Record<string, unknown>): Properties {
  return Object.fromEntries(
    Object.entries(properties).filter(([key, value]) => key !== 'id' && value !== undefined && !(Array.isArray(value) && value.length === 0)),
  ) as Properties;
}

function addIssues(context: z.RefinementCtx, error: z.ZodError, prefix: string): void {
  for (const issue of error.issues) context.addIssue({ code: 'custom', message: issue.message, path: [prefix, ...issue.path] });
}

/**
 * Names repeat (a roster of a million people holds a few tens of thousands of names, and an import
 * reads each row twice), and reading characters as pinyin is most of a row's cost: derived names are
 * kept, the table cleared when full rather than evicted one by one.
 */
const MAX_REMEMBERED_NAMES = 100_000;
const derivedNames = new Map<string, ReturnType<typeof deriveNames>>();
const derivedMatchKeys = new Map<string, string[]>();

function remembered<T>(table: Map<string, T>, key: unknown[], derive: () => T): T {
  const text = JSON.stringify(key);
  let found = table.get(text);
  if (found === undefined) {
    if (table.size >= MAX_REMEMBERED_NAMES) table.clear();
    found = derive();
    table.set(text, found);
  }
  return found;
}

/** A node: labels name one kind (plus role labels on a Person), properties fit that kind's schema. */
export const NodeRow = z
  .object({
    id: StableId,
    labels: z.array(NodeLabel).min(1, 'must name at least one label'),
    properties: z.record(z.string(), z.unknown()),
  })
  .transform((row, context) => {
    const kind = primaryKind(row.labels);
    if (!kind) {
      context.addIssue({ code: 'custom', path: ['labels'], message: 'must name exactly one kind (roles Official, Guard, Detainee go with Person)' });
      return z.NEVER;
    }
    const parsed = nodeSchemas[kind].safeParse({ ...row.properties, id: row.id });
    if (!parsed.success) {
      addIssues(context, parsed.error, 'properties');
      return z.NEVER;
    }
    const properties: Record<string, unknown> = parsed.data;
    // Search matches `nameKeys`; every writer gets them (and the spelling variants as aliases) here.
    if (typeof properties.name === 'string' && 'nameKeys' in nodeSchemas[kind].shape && properties.nameKeys === undefined) {
      const derived = remembered(derivedNames, ['d', properties.name, properties.nameZh, properties.pinyin, properties.aliases, kind === 'Person'], () =>
        deriveNames({
          name: properties.name as string,
          nameZh: properties.nameZh as string | undefined,
          pinyin: properties.pinyin as string | undefined,
          aliases: properties.aliases as string[] | undefined,
          person: kind === 'Person',
        }),
      );
      Object.assign(properties, { aliases: [...derived.aliases], nameKeys: [...derived.nameKeys] });
    }
    // Matching on import compares whole names in every script (seed and import alike carry them).
    if (typeof properties.name === 'string' && 'matchKeys' in nodeSchemas[kind].shape && properties.matchKeys === undefined) {
      const keys = remembered(derivedMatchKeys, ['m', properties.name, properties.nameZh, properties.pinyin, kind === 'Person'], () =>
        matchKeys({
          name: properties.name as string,
          nameZh: properties.nameZh as string | undefined,
          pinyin: properties.pinyin as string | undefined,
          person: kind === 'Person',
        }),
      );
      properties.matchKeys = [...keys];
    }
    return { id: row.id, labels: [...new Set(row.labels)].sort(), properties: stored(properties) };
  });
export type NodeRow = z.output<typeof NodeRow>;

export const RelationshipRow = z
  .object({
    id: StableId,
    type: RelationshipType,
    source: StableId,
    target: StableId,
    properties: z.record(z.string(), z.unknown()),
  })
  .transform((row, context) => {
    const parsed = RelationshipProps.safeParse({ ...row.properties, id: row.id });
    if (!parsed.success) {
      addIssues(context, parsed.error, 'properties');
      return z.NEVER;
    }
    const { from, to } = parsed.data;
    if (from && to && to < from) {
      context.addIssue({ code: 'custom', path: ['properties', 'to'], message: 'must not be before from' });
      return z.NEVER;
    }
    return { id: row.id, type: row.type, source: row.source, target: row.target, properties: stored(parsed.data) };
  });
export type RelationshipRow = z.output<typeof RelationshipRow>;

/** Rows written together in one transaction: nodes first, so the batch's links find their ends. */
export interface GraphBatch {
  nodes: NodeRow[];
  relationships: RelationshipRow[];
  /**
   * Every id in the batch is known to be new (a seed's generated rows), so it is created rather
   * than merged; the id constraint still refuses a duplicate. Absent: merge, as imports always do.
   */
  fresh?: boolean;
  /**
   * An import's rows, merged without overwriting: an element the graph holds keeps its values and
   * gains the import's sources and missing values, with a claim of what was added, so an undo takes
   * back exactly that (contract/queries/import/merge-import-nodes.cypher).
   */
  claims?: boolean;
  /**
   * With claims: ids of the batch's nodes and relationships known not to be in the graph (a node no
   * look-up found, a link with such a node at one end). They are created without the merge's
   * per-row reads and branches; the id constraint still refuses a wrong "new" (the batch fails,
   * nothing is duplicated). What they write is what the merge writes for a new element.
   */
  newIds?: ReadonlySet<string>;
}
