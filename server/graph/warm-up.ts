// Warms a Neo4j that has just started: every curated query planned and the store's pages read once,
// so the first request after "Ready" (or after a restart) answers as fast as the tenth. Without it
// the first requests each plan their queries (1.5 s each for the chain of command on two busy
// cores) and load pages from disk, and a burst of them runs past the request budget into 503s.
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { ResultSummary } from 'neo4j-driver';
import type { CuratedQuery } from '../../contract/queries/define-query.ts';
import { queries } from '../../contract/queries/index.ts';
import type { CatalogueEntry } from './catalogue.ts';
import type { GraphExecutor } from './executor.ts';

/** Long enough for the small and 1m seeds; a larger store warms what it can in this time. */
const TOUCH_STORE_MS = 20_000;

/** One query's warm-up run: planning the chain of command alone takes seconds on two busy cores. */
const WARM_QUERY_MS = 60_000;

/** Resampling every index of the small seed takes a fifth of a second; a bulk-loaded 10m store, longer. */
const SETTLE_SECONDS = 300;

/**
 * Transactions the rehearsal keeps in flight before serving, so the driver holds as many connections
 * open: requests run queries side by side (a chain of command its chains and its ceilings, then its
 * node's details when it finds no chain), and the first chain after "Ready", when it ran four at once,
 * spent 50–60 ms opening connections for them.
 */
const CONNECTIONS_BEFORE_SERVING = 8;

export interface WarmUp {
  planned: number;
  /** Runs of the queries that open one record, over a few real records (GraphExecutor.rehearseQueries). */
  rehearsed: number;
  /** Elements whose store pages were read; null when the pass ran out of time. */
  touched: { nodes: number; relationships: number } | null;
  /** Labels, relationship types and property keys named before any element carried them (a new database's). */
  named: number;
  seconds: number;
}

type JsonSchema = {
  type?: string | string[];
  format?: string;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  pattern?: string;
  const?: unknown;
  enum?: unknown[];
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
};

/**
 * A value of the type `schema` describes, as the app would send one: null where null is allowed (an
 * open date), the smallest whole number allowed (a LIMIT of 1 keeps a warm-up run cheap), an id that
 * matches nothing, an empty list where one may be empty.
 */
function sampleValue(schema: JsonSchema, index = 0): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return schema.anyOf.some((option) => option.type === 'null') ? null : sampleValue(schema.anyOf[0]!);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (Array.isArray(schema.type) && schema.type.includes('null')) return null;
  switch (type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? (typeof schema.default === 'number' ? schema.default : 1);
    case 'boolean':
      return typeof schema.default === 'boolean' ? schema.default : false;
    case 'array':
      return schema.minItems ? Array.from({ length: schema.minItems }, (_, i) => sampleValue(schema.items ?? {}, i)) : [];
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, inner]) => [key, sampleValue(inner)]));
    case 'string':
      if (typeof schema.default === 'string') return schema.default;
      if (schema.format === 'date') return '2020-01-01';
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.format === 'uuid') return randomUUID();
      return textLike(schema, index);
    default:
      return schema.default ?? null;
  }
}

/** Text that fits the schema's pattern: an id (distinct per list item), or a token of hex, base64url or digits. */
function textLike(schema: JsonSchema, index: number): string {
  const candidates = [`xpf-warm-up-${index}`, '0'.repeat(64), 'A'.repeat(22), 'A'.repeat(43), String(index)];
  const fits = (text: string) => !schema.pattern || new RegExp(schema.pattern, 'u').test(text);
  const found = candidates.map((text) => text.padEnd(schema.minLength ?? 0, '0')).find(fits);
  return found ?? candidates[0]!;
}

/** Parameters of the types a real call sends, checked by the query's own schema; null when none fit. */
export function sampleParams(entry: CatalogueEntry): Record<string, unknown> | null {
  try {
    const described = z.toJSONSchema(entry.schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    const parsed = entry.schema.safeParse(sampleValue({ ...described, type: 'object' }));
    return parsed.success ? (parsed.data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export interface WarmUpOptions {
  /**
   * Nothing is served yet (before "Ready"): plan and rehearse as many queries at once as there are cores (Neo4j's
   * planner is what takes the time). Otherwise one at a time, beside the requests being answered.
   */
  beforeServing?: boolean;
  /**
   * This start built indexes or loaded the seed: their statistics are resampled before anything is
   * planned. Planned while they were still being sampled, plans were thrown away as stale by the first
   * requests after "Ready" ("Discarded stale query" in Neo4j's debug.log, five on a cold start) and
   * made again, 70 to 250 ms each; the sign-in's was one.
   */
  newStatistics?: boolean;
}

/** Names Neo4j said it does not know, from the GQL statuses of a query's summary. */
export class UnknownNames {
  readonly labels = new Set<string>();
  readonly relationshipTypes = new Set<string>();
  readonly propertyKeys = new Set<string>();
  private readonly byStatus: Record<string, Set<string>> = {
    '01N50': this.labels,
    '01N51': this.relationshipTypes,
    '01N52': this.propertyKeys,
  };

  /** Adds the names `summary` reports unknown; whether it reported any. */
  add(summary: ResultSummary): boolean {
    let any = false;
    for (const status of summary.gqlStatusObjects) {
      const names = this.byStatus[status.gqlStatus];
      // "warn: property key does not exist. The property `retractedAt` does not exist. …"
      const name = /`([^`]+)`/.exec(status.statusDescription)?.[1];
      if (!names || !name) continue;
      names.add(name);
      any = true;
    }
    return any;
  }

  get size(): number {
    return this.labels.size + this.relationshipTypes.size + this.propertyKeys.size;
  }

  params() {
    return { labels: [...this.labels], relationshipTypes: [...this.relationshipTypes], propertyKeys: [...this.propertyKeys] };
  }
}

/** A driver error's code, or the error as text: what a warm-up line says went wrong. */
const reasonOf = (error: unknown) => (error as { code?: string }).code ?? String(error);

/** How a plan Neo4j refused is reported: the warm-up goes on with the next query. */
function planFailure(log: (line: string) => void): (query: CuratedQuery, error: unknown) => void {
  return (query, error) => log(`Could not plan "${query.name}" ahead: ${reasonOf(error)}`);
}

export async function warmUp(
  graph: GraphExecutor,
  log: (line: string) => void,
  { beforeServing = false, newStatistics = false }: WarmUpOptions = {},
): Promise<WarmUp> {
  const started = performance.now();
  const concurrency = beforeServing ? availableParallelism() : 1;
  if (newStatistics) {
    try {
      await graph.settleStatistics(SETTLE_SECONDS);
    } catch (error) {
      log(`Could not resample the indexes before planning (${reasonOf(error)}): the first requests may plan some queries again.`);
    }
  }
  const unknown = new UnknownNames();
  const naming: CatalogueEntry[] = [];
  const planned = await graph.warmQueries(
    sampleParams,
    WARM_QUERY_MS,
    planFailure(log),
    // Before serving, only what a request may run: the seed's and an import's writes are planned after
    // "Ready" (warmBackgroundQueries), where a job that starts first waits for the plan or makes it.
    { concurrency, which: beforeServing ? 'served' : 'all', onSummary: (entry, summary) => unknown.add(summary) && naming.push(entry) },
  );
  // A new database knows no judgement, note or import yet, and Neo4j drops a plan that named an
  // unknown label or key as soon as something creates it (the warm-up's own rolled-back writes did,
  // for the judgements' queries). Named now, the plans made again below stay.
  let named = 0;
  if (unknown.size > 0) {
    try {
      named = (await graph.record(queries.createTokens, unknown.params(), { timeoutMs: WARM_QUERY_MS }))?.named ?? 0;
      await graph.warmQueries(sampleParams, WARM_QUERY_MS, planFailure(log), { concurrency, replan: naming });
    } catch (error) {
      log(`Could not name the labels and keys no record carries yet (${reasonOf(error)}): the first requests may plan some queries again.`);
    }
  }
  let touched: WarmUp['touched'] = null;
  try {
    touched = (await graph.record(queries.touchStore, {}, { timeoutMs: TOUCH_STORE_MS }))?.touched ?? null;
  } catch (error) {
    log(`Read the store only in part before serving (${reasonOf(error)}): the first requests load the rest.`);
  }
  let rehearsed = 0;
  try {
    const subjects = (await graph.record(queries.rehearsalSubjects, { limit: 1 }, { timeoutMs: WARM_QUERY_MS }))?.ids ?? [];
    rehearsed = await graph.rehearseQueries(sampleParams, subjects, WARM_QUERY_MS, {
      concurrency: beforeServing ? Math.max(concurrency, CONNECTIONS_BEFORE_SERVING) : concurrency,
    });
  } catch (error) {
    log(`Could not rehearse the queries on real records (${reasonOf(error)}): the first requests do it.`);
  }
  return { planned, rehearsed, touched, named, seconds: (performance.now() - started) / 1000 };
}

/**
 * After "Ready": the plans only the seed and import jobs use (about a second each for the import's
 * merges on a cold JVM, a sixth of the warm-up before serving), one at a time, each once the server is
 * quiet (`whenQuiet`). An import that starts first plans what it needs itself, or waits for the plan
 * being made (first-runs.ts). Says nothing unless a plan fails: the start's last line stays "Ready".
 * Resolves to how many were planned.
 */
export async function warmBackgroundQueries(graph: GraphExecutor, log: (line: string) => void, whenQuiet: () => Promise<void>): Promise<number> {
  return graph.warmQueries(sampleParams, WARM_QUERY_MS, planFailure(log), { which: 'background', beforeEach: whenQuiet });
}

/** The one line a warm-up is reported in. */
export function describeWarmUp({ planned, rehearsed, touched, named, seconds }: WarmUp): string {
  const pages = touched
    ? `, read ${touched.nodes.toLocaleString('en')} nodes and ${touched.relationships.toLocaleString('en')} relationships into the page cache`
    : '';
  const names = named > 0 ? ` (naming first ${named} labels and keys no record carries yet)` : '';
  return `Planned ${planned} queries ahead of their first use${names}${pages}, and ran ${rehearsed} over real records (${seconds.toFixed(1)} s).`;
}
