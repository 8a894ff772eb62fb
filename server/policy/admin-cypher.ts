// What an admin's raw Cypher may do, decided on Neo4j's own plan before anything is read. A filter on
// the answer cannot keep a secret once a query can test it (`WHERE u.passwordHash STARTS WITH 'a'
// RETURN count(*)` spells out a hash one count at a time), so the app's own records (`_User` password
// hashes, `_Session` CSRF tokens, other users' private `_View`s, the audit) must never enter the
// query at all. By allow-list: every step of the plan must be one that only reads the evidence graph
// (found by its labels, types and indexes, never by internal id or a scan of every node), a call
// must be to a listed procedure, and nothing may end other users' work or clear caches. Nothing in the
// evidence graph links to an app record, so a query that starts from evidence stays in evidence.
import type { Plan } from '../graph/executor.ts';

/** Steps that find evidence by a label, relationship type or index: checked for app labels below. */
const SOURCES = [
  'NodeByLabelScan',
  'UnionNodeByLabelsScan',
  'IntersectionNodeByLabelsScan',
  'SubtractionNodeByLabelsScan',
  'PartitionedNodeByLabelScan',
  'NodeIndexSeek',
  'NodeUniqueIndexSeek',
  'NodeIndexSeekByRange',
  'NodeUniqueIndexSeekByRange',
  'NodeIndexScan',
  'NodeIndexContainsScan',
  'NodeIndexEndsWithScan',
  'MultiNodeIndexSeek',
  'AssertingMultiNodeIndexSeek',
  'DirectedRelationshipTypeScan',
  'UndirectedRelationshipTypeScan',
  'DirectedUnionRelationshipTypesScan',
  'UndirectedUnionRelationshipTypesScan',
  'DirectedRelationshipIndexSeek',
  'UndirectedRelationshipIndexSeek',
  'DirectedRelationshipIndexSeekByRange',
  'UndirectedRelationshipIndexSeekByRange',
  'DirectedRelationshipIndexScan',
  'UndirectedRelationshipIndexScan',
  'DirectedRelationshipIndexContainsScan',
  'UndirectedRelationshipIndexContainsScan',
  'DirectedRelationshipIndexEndsWithScan',
  'UndirectedRelationshipIndexEndsWithScan',
  'NodeCountFromCountStore',
  'RelationshipCountFromCountStore',
];

/** Steps that only work on rows handed to them: traversals, filters, joins, sorting, aggregation. */
const TRANSFORMS = [
  'ProduceResults',
  'EmptyResult',
  'Projection',
  'Filter',
  'Expand(All)',
  'Expand(Into)',
  'OptionalExpand(All)',
  'OptionalExpand(Into)',
  'VarLengthExpand(All)',
  'VarLengthExpand(Into)',
  'VarLengthExpand(Pruning)',
  'VarLengthExpand(Pruning,BFS)',
  'BFSPruningVarExpand',
  'ShortestPath',
  'StatefulShortestPath(All)',
  'StatefulShortestPath(Into)',
  'Repeat(Trail)',
  'Repeat(Walk)',
  'NullifyMetadata',
  'ProjectEndpoints',
  'Limit',
  'ExhaustiveLimit',
  'Skip',
  'Sort',
  'PartialSort',
  'Top',
  'PartialTop',
  'Distinct',
  'OrderedDistinct',
  'Aggregation',
  'EagerAggregation',
  'OrderedAggregation',
  'Apply',
  'SemiApply',
  'AntiSemiApply',
  'SelectOrSemiApply',
  'SelectOrAntiSemiApply',
  'LetSemiApply',
  'LetAntiSemiApply',
  'LetSelectOrSemiApply',
  'LetSelectOrAntiSemiApply',
  'ConditionalApply',
  'AntiConditionalApply',
  'RollUpApply',
  'Argument',
  'ArgumentTracker',
  'Optional',
  'Anti',
  'CartesianProduct',
  'NodeHashJoin',
  'ValueHashJoin',
  'NodeLeftOuterHashJoin',
  'NodeRightOuterHashJoin',
  'Union',
  'OrderedUnion',
  'Unwind',
  'Eager',
  'CacheProperties',
  'AssertSameNode',
  'AssertSameRelationship',
  'TriadicSelection',
  'TriadicBuild',
  'TriadicFilter',
  'ShowIndexes',
  'ShowConstraints',
];

const ALLOWED_STEPS = new Set([...SOURCES, ...TRANSFORMS, 'ProcedureCall']);
const SOURCE_STEPS = new Set(SOURCES);

/**
 * Procedures that describe the evidence or search its names; `db.clearQueryCaches`, `dbms.*` and the
 * transaction commands that end other users' work are not among them.
 */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.index.fulltext.queryNodes',
  'db.ping',
]);

/** A label or relationship type of the app's own records, as plan details write them (`n:_User`, `count( (:_Session) )`). */
const APP_RECORD = /[:|&!]\s*`?_/;

function details(step: Plan): string {
  const value = step.arguments.Details ?? step.arguments.details;
  return typeof value === 'string' ? value : '';
}

/** Why this plan may not run, or null when every step is allowed. */
export function refusalOf(plan: Plan): string | null {
  const operator = plan.operatorType.replace(/@.*$/, '');
  if (!ALLOWED_STEPS.has(operator)) {
    return `admin Cypher is read-only and stays inside the evidence graph: it may not use ${operator} (a scan of every node, a look-up by internal id, a file or network load, a write or an administration command)`;
  }
  if (operator === 'ProcedureCall') {
    const procedure = /^([\w.]+)\s*\(/.exec(details(plan))?.[1] ?? '(unknown)';
    if (!ALLOWED_PROCEDURES.has(procedure)) return `admin Cypher may call only ${[...ALLOWED_PROCEDURES].join(', ')}; not ${procedure}`;
  }
  if ((SOURCE_STEPS.has(operator) || operator.includes('Expand')) && APP_RECORD.test(details(plan))) {
    return 'admin Cypher reads the evidence graph only: the app’s own records (labels and types starting with "_") are not open to it';
  }
  for (const child of plan.children) {
    const refused = refusalOf(child);
    if (refused) return refused;
  }
  return null;
}

/** Whether an answer holds an app record after all (a plan this policy misjudged): it is then not sent. */
export function holdsAppRecord(value: unknown, depth = 0): boolean {
  if (depth > 50 || value === null || typeof value !== 'object') return false;
  const labels = (value as { labels?: unknown }).labels;
  const type = (value as { type?: unknown }).type;
  if (Array.isArray(labels) && labels.some((label) => typeof label === 'string' && label.startsWith('_'))) return true;
  if (typeof type === 'string' && type.startsWith('_')) return true;
  return Object.values(value as Record<string, unknown>).some((inner) => holdsAppRecord(inner, depth + 1));
}
