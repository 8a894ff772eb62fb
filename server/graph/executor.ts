// The one way the product runs Cypher: curated queries by their typed handle, admin raw Cypher and
// the seed's and importer's batches alike. It owns what every run needs: the access mode (read
// queries in read transactions, READ routing on a cluster), Neo4j's transaction timeout, the
// request's deadline and cancellation (server/graph/budget.ts), whole numbers sent as Integers, and
// driver values turned into plain JSON once, here.
import neo4j, {
  isRetryableError,
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type Record as Neo4jRecord,
  type ResultSummary,
  type Session,
} from 'neo4j-driver';
import type { z } from 'zod';
import type { CuratedQuery, ParamsOf, RecordQuery, ResultQuery, RowOf, SchemaQuery } from '../../contract/queries/define-query.ts';
import type { Json, Result } from '../../contract/result.ts';
import { BadInput, DeadlinePassed, isConnectionFailure, RequestCancelled, type FieldProblem } from '../errors.ts';
import { currentBudget } from './budget.ts';
import { type Catalogue, type CatalogueEntry, isBackgroundQuery, isPlannedOnly, isWarmable } from './catalogue.ts';
import { firstRunsOf, type FirstRuns } from './first-runs.ts';
import { toJson } from './to-json.ts';
import { toResult } from './to-result.ts';
import { schemaInPlace, schemaStatements, schemaStatementsToRun } from './schema-statements.ts';
import { queries } from '../../contract/queries/index.ts';

export type AccessMode = 'read' | 'write';

/** One step of a query plan as Neo4j describes it (EXPLAIN): what it does, with what, and the steps feeding it. */
export interface Plan {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: Plan[];
}

export interface RunOptions {
  /** Neo4j's transaction timeout for this run; never more than what is left of the request's deadline. */
  timeoutMs?: number;
  /**
   * A write in one auto-commit transaction, as every read is: a round trip less (no BEGIN and COMMIT of
   * its own) and never retried, so a transient failure fails the run. For a write whose caller already
   * fails safe and whose latency every request waits for: the audit's group commit.
   */
  autoCommit?: boolean;
}

/**
 * `start()` run with no stack recorded for the errors it makes. The driver records its caller's stack in
 * every Result it makes, to put on the Result's error if one comes (neo4j-driver-core result.js,
 * captureStacktrace); under tsx each frame is mapped through its source map. A CPU profile of the app
 * under 32 clients found a tenth of Node's time there. The ten frames it records are the driver's and
 * this file's, never the route's (seen on a failed query): the error's message and code, and the route
 * the incident log names, are what a fault report needs.
 */
function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A read that failed for a reason worth another try (a dropped connection) waits this long, then twice that... */
const FIRST_RETRY_PAUSE_MS = 100;

/** Below this, a transaction could not even be started and answered in time: refuse at once. */
const MIN_USEFUL_MS = 50;

/** Whole numbers go to Neo4j as Integer: LIMIT and SKIP refuse floats, and ids of count stay exact. */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDriverParams);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toDriverParams(inner)]));
  }
  return value;
}

/** A record's columns as plain JSON, by column name. */
export function recordToJson(record: Neo4jRecord): Record<string, Json> {
  return Object.fromEntries(record.keys.map((key) => [String(key), toJson(record.get(key))]));
}

/** Parameters zod's output holds for a query, as evidence queries are answered and audited with them. */
export type CheckedParameters = Record<string, unknown>;

/** Parameters as a Result's `meta` (and the audit log) state them: plain JSON. */
export function asJsonParameters(params: CheckedParameters): Record<string, Json> {
  return JSON.parse(JSON.stringify(params)) as Record<string, Json>;
}

/** Each query's strict schema, built once: `.strict()` makes a new schema on every call. */
const strictSchemas = new WeakMap<z.ZodObject, z.ZodObject>();

function strict(schema: z.ZodObject): z.ZodObject {
  let found = strictSchemas.get(schema);
  if (!found) {
    found = schema.strict();
    strictSchemas.set(schema, found);
  }
  return found;
}

/** Where a request's parameters sit, so a 400 names each field as the client sent it. */
export interface FieldNaming {
  /** Schema keys renamed to the client's names (the search box sends `q` for `query`). */
  fieldNames?: Record<string, string>;
  /** Prefix for the rest ("params." for POST /api/queries/:name). */
  fieldPrefix?: string;
}

/** Curated statements inside one transaction: an import batch writes its nodes, links and progress together. */
export interface CuratedTransaction {
  /** Parameters are trusted (built by the server from rows zod already checked), so not parsed again. */
  run<Q extends RecordQuery>(query: Q, params: z.output<Q['params']>): Promise<RowOf<Q>[]>;
}

/** `work` on each item, by `concurrency` workers taking the next item as they finish one. */
async function inWorkers<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const waiting = [...items];
  const worker = async () => {
    for (let item = waiting.shift(); item !== undefined; item = waiting.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}

export class GraphExecutor {
  private readonly firstRuns: FirstRuns;

  constructor(
    readonly driver: Driver,
    readonly catalogue: Catalogue,
    private readonly defaults: { timeoutMs: number },
  ) {
    this.firstRuns = firstRunsOf(driver);
  }

  /**
   * An evidence query from a request: `raw` is checked strictly against the query's schema (a 400
   * naming each bad field; a misspelt parameter is an error, not a silently applied default); from
   * here on only zod's output is used. One row past the limit tells whether the answer was cut.
   */
  async evidence(query: ResultQuery, raw: unknown, naming: FieldNaming = {}): Promise<Result> {
    return this.checkedEvidence(query, this.checkedParameters(query, raw, naming));
  }

  /**
   * A request's parameters for `query`, checked as evidence() checks them (a 400 naming each bad field):
   * for a caller that needs them before the run, such as the audit entry written while it runs.
   */
  checkedParameters(query: ResultQuery, raw: unknown, naming: FieldNaming = {}): CheckedParameters {
    const parsed = strict(this.catalogue.entry(query).schema).safeParse(raw);
    if (!parsed.success) {
      const problems: FieldProblem[] = BadInput.fromZod(parsed.error).errors!.map((problem) => ({
        ...problem,
        // A list's item (`kinds.0`) is named by the list's outside name: a repeated `kind=` has no index.
        field: naming.fieldNames?.[problem.field] ?? naming.fieldNames?.[problem.field.split('.')[0]!] ?? `${naming.fieldPrefix ?? ''}${problem.field}`,
      }));
      throw new BadInput(problems);
    }
    return parsed.data as CheckedParameters;
  }

  /** An evidence query run with parameters checkedParameters() gave (not parsed again: a schema may transform, as search's does). */
  async checkedEvidence(query: ResultQuery, checked: CheckedParameters): Promise<Result> {
    return this.resultOf(this.catalogue.entry(query), checked);
  }

  /** A Result-shaped query the server itself calls with its own values (a view's elements). */
  async graph(query: ResultQuery, params: ParamsOf<typeof query>): Promise<Result> {
    const entry = this.catalogue.entry(query);
    return this.resultOf(entry, entry.schema.parse(params) as Record<string, unknown>);
  }

  private async resultOf(entry: CatalogueEntry, params: Record<string, unknown>): Promise<Result> {
    const limit = typeof params.limit === 'number' ? params.limit : null;
    const started = performance.now();
    const records = await this.run(entry.cypher, limit === null ? params : { ...params, limit: limit + 1 }, entry.mode);
    const truncated = limit !== null && records.length > limit;
    return toResult(truncated ? records.slice(0, limit) : records, {
      query: entry.name,
      parameters: asJsonParameters(params),
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      truncated,
    });
  }

  /**
   * One of the app's own queries: `params` are checked by the query's schema, strictly (a failure
   * throws zod's error: a bug in the caller, not bad input), and each row is parsed by its row schema.
   */
  async records<Q extends RecordQuery>(query: Q, params: ParamsOf<Q>, options: RunOptions = {}): Promise<RowOf<Q>[]> {
    const entry = this.catalogue.entry(query);
    const parsed = strict(entry.schema).parse(params) as Record<string, unknown>;
    const records = await this.run(entry.cypher, parsed, entry.mode, options);
    return records.map((record) => query.row.parse(recordToJson(record)) as RowOf<Q>);
  }

  /** The first row, or null when there is none. */
  async record<Q extends RecordQuery>(query: Q, params: ParamsOf<Q>, options: RunOptions = {}): Promise<RowOf<Q> | null> {
    return (await this.records(query, params, options))[0] ?? null;
  }

  /** Several curated statements in one write transaction: all of them or none. */
  async writeTransaction<T>(work: (tx: CuratedTransaction) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE });
    const curated = (tx: ManagedTransaction): CuratedTransaction => ({
      run: async <Q extends RecordQuery>(query: Q, params: z.output<Q['params']>) => {
        const result = await tx.run(this.catalogue.entry(query).cypher, toDriverParams(params) as Record<string, unknown>);
        return result.records.map((record) => query.row.parse(recordToJson(record)) as RowOf<Q>);
      },
    });
    try {
      return await session.executeWrite((tx) => work(curated(tx)), { timeout: options.timeoutMs ?? this.defaults.timeoutMs });
    } finally {
      await session.close();
    }
  }

  /**
   * Constraints and indexes, each statement on its own (they cannot share a transaction), then waits
   * for them to be online. A statement whose constraint or index the store holds is not run again
   * (IF NOT EXISTS never changed an existing one either), and a complete, online schema is not waited
   * for: a warm start ran forty statements that each changed nothing, a second of its time.
   * `waitSeconds` bounds each: after a bulk load of millions of rows they are built over the whole
   * graph, which takes minutes. `built`: whether an index was made or waited for, so its statistics
   * are new (the warm-up settles them first).
   */
  async applySchema(query: SchemaQuery, { waitSeconds = 300 }: { waitSeconds?: number } = {}): Promise<{ built: boolean }> {
    const indexes = await this.records(queries.schemaState, { limit: 10_000 });
    const missing = schemaStatementsToRun(schemaStatements(this.catalogue.entry(query)), schemaInPlace(indexes));
    for (const statement of missing) await this.run(statement, {}, 'write', { timeoutMs: waitSeconds * 1000 });
    if (missing.length === 0 && indexes.every((index) => index.state === 'ONLINE')) return { built: false };
    // New indexes populate in the background; queries that follow must see them online.
    await this.run('CALL db.awaitIndexes($seconds)', { seconds: waitSeconds }, 'write', { timeoutMs: (waitSeconds + 10) * 1000 });
    return { built: true };
  }

  /**
   * Resamples every index and waits, then empties Neo4j's query cache (settle-statistics.cypher): the
   * plans made next see the statistics as they are. Nothing is planned on this Neo4j any more.
   */
  async settleStatistics(timeoutSeconds: number): Promise<void> {
    await this.records(queries.settleStatistics, { timeoutSeconds }, { timeoutMs: (timeoutSeconds + 10) * 1000 });
    this.firstRuns.forget();
  }

  /** Raw Cypher an admin typed: only in a read transaction, inside the request's deadline like any query. */
  async rawRead(cypher: string, params: Record<string, unknown>, options: RunOptions = {}): Promise<Neo4jRecord[]> {
    return this.run(cypher, params, 'read', options);
  }

  /** The plan Neo4j would run raw Cypher with (EXPLAIN: nothing is read), so the policy can look at what it touches first. */
  async rawPlan(cypher: string, params: Record<string, unknown>, options: RunOptions = {}): Promise<Plan> {
    let plan: Plan | undefined;
    await this.run(`EXPLAIN ${cypher}`, params, 'read', options, (summary) => {
      plan = summary.plan === false ? undefined : (summary.plan as Plan);
    });
    if (!plan) throw new Error('Neo4j answered EXPLAIN without a plan');
    return plan;
  }

  /**
   * Runs every curated query but the schema once, with `sample` parameters, in a transaction that is
   * rolled back: nothing is written, but Neo4j plans each query for parameters of the types the app
   * sends (its query cache is keyed by them) and compiles it, so the first request finds it ready.
   * A query with no sample, or one marked `warm: 'plan'` (define-query.ts), is planned with EXPLAIN
   * only. Resolves to how many were warmed; one that fails is reported and skipped. `onSummary` sees
   * each warmed query's summary (Neo4j's notes on it).
   */
  async warmQueries(
    sample: (entry: CatalogueEntry) => Record<string, unknown> | null,
    timeoutMs: number,
    onFailure: (query: CuratedQuery, error: unknown) => void,
    {
      concurrency = 1,
      which = 'all',
      beforeEach,
      replan,
      onSummary,
    }: {
      concurrency?: number;
      /**
       * Just these queries, run even if this Neo4j has run them already: the warm-up plans again those
       * whose names (labels, keys) did not exist when they were first planned (warm-up.ts, UnknownNames).
       */
      replan?: readonly CatalogueEntry[];
      onSummary?: (entry: CatalogueEntry, summary: ResultSummary) => void;
      /** Awaited before each plan: background planning waits for the server to be quiet (server/http/quiet-spells.ts). */
      beforeEach?: () => Promise<void>;
      /** 'served': those a request may run; 'background': those only the seed and import jobs run (`background` in define-query.ts). */
      which?: 'all' | 'served' | 'background';
    } = {},
  ): Promise<number> {
    let warmed = 0;
    // One at a time by default: after a restart this runs beside the first requests and must not crowd
    // them out. Before "Ready" nothing else runs, and the caller may plan as many at once as there are cores.
    // The queries asked most so far come first: after a restart, requests wait for those plans
    // (first-runs.ts), and a cold JVM takes seconds over each; at the first start the order is the catalogue's.
    const byUse = [...this.catalogue.values()].sort((a, b) => this.firstRuns.timesRun(b.cypher) - this.firstRuns.timesRun(a.cypher));
    const warmOne = async (entry: CatalogueEntry) => {
      await beforeEach?.();
      const params = sample(entry);
      // A request planning it now (after a restart, requests come first) leaves nothing to warm.
      await this.firstRuns.inFlight(entry.cypher);
      if (this.firstRuns.hasRun(entry.cypher) && !replan) {
        warmed += 1;
        return;
      }
      const session = this.driver.session({ defaultAccessMode: entry.mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE });
      try {
        const tx = session.beginTransaction({ timeout: timeoutMs });
        try {
          if (params && !isPlannedOnly(entry)) {
            // Run as the app runs it: requests that ask meanwhile wait for this plan instead of making their own.
            const run = Promise.resolve(tx.run(entry.cypher, toDriverParams(params) as Record<string, unknown>));
            this.firstRuns.began(entry.cypher, run);
            onSummary?.(entry, (await run).summary);
          } else {
            // Planned for the parameter types the app sends, when there is a sample: Neo4j's cache is keyed by them.
            onSummary?.(entry, (await tx.run(`EXPLAIN ${entry.cypher}`, params ? (toDriverParams(params) as Record<string, unknown>) : {})).summary);
          }
        } finally {
          await tx.rollback().catch(() => {});
        }
        warmed += 1;
      } catch (error) {
        onFailure(entry.definition, error);
      } finally {
        await session.close().catch(() => {});
      }
    };
    // A failure (even opening a session) is reported and the next query warmed: no worker stops the others.
    await inWorkers(
      (replan ?? byUse).filter((entry) => isWarmable(entry) && (which === 'all' || (which === 'background') === isBackgroundQuery(entry))),
      concurrency,
      (entry) => warmOne(entry).catch((error: unknown) => onFailure(entry.definition, error)),
    );
    return warmed;
  }

  /**
   * Runs each read query that opens one record (an `id` among its parameters) on each of `ids`, real
   * records, with its default limits: planning alone (warmQueries) runs a query over an id that
   * matches nothing, and the first request then still paid for Neo4j's first pass over real data
   * (the chain of command: 53 ms first, 15 to 20 ms after). Resolves to how many runs answered.
   */
  async rehearseQueries(
    sample: (entry: CatalogueEntry) => Record<string, unknown> | null,
    ids: readonly string[],
    timeoutMs: number,
    { concurrency = 1 }: { concurrency?: number } = {},
  ): Promise<number> {
    const runs: { entry: CatalogueEntry; params: Record<string, unknown> }[] = [];
    for (const entry of this.catalogue.values()) {
      if (entry.mode !== 'read' || entry.definition.kind === 'schema') continue;
      const sampled = sample(entry);
      if (!sampled || typeof sampled.id !== 'string') continue;
      for (const id of ids) {
        // Undefined limits and offsets take the query's own defaults: what the app sends when the analyst asks nothing more.
        const defaults = entry.schema.safeParse({ ...sampled, id, limit: undefined, offset: undefined });
        const parsed = defaults.success ? defaults : entry.schema.safeParse({ ...sampled, id });
        if (parsed.success) runs.push({ entry, params: parsed.data as Record<string, unknown> });
      }
    }
    let answered = 0;
    // A run that fails (a query about another kind of record) only goes uncounted: this is a rehearsal.
    await inWorkers(runs, concurrency, async ({ entry, params }) => {
      try {
        await this.run(entry.cypher, params, 'read', { timeoutMs });
        answered += 1;
      } catch {
        // Not counted.
      }
    });
    return answered;
  }

  /**
   * Runs one statement in its own transaction, inside the budget of the HTTP request being handled
   * (if any): Neo4j's own timeout never outlives the request, the driver's waits (retries, pool,
   * connect) are raced against the deadline, and a client that goes away cancels the transaction.
   */
  private async run(
    cypher: string,
    params: Record<string, unknown>,
    mode: AccessMode,
    options: RunOptions = {},
    onSummary?: (summary: ResultSummary) => void,
  ): Promise<Neo4jRecord[]> {
    const timeoutMs = options.timeoutMs ?? this.defaults.timeoutMs;
    const budget = currentBudget();
    if (budget?.signal.aborted) throw new RequestCancelled();
    const deadline = budget ? budget.deadline : Date.now() + timeoutMs;
    if (deadline - Date.now() < MIN_USEFUL_MS) throw new DeadlinePassed();

    let session: Session | undefined;
    let stop: ((error: Error) => void) | undefined;
    const stopped = new Promise<never>((_, reject) => (stop = reject));
    stopped.catch(() => {});
    // Closing the session while a transaction is open makes the driver send RESET: Neo4j terminates it.
    let cancelled = false;
    const cancel = (error: Error) => {
      cancelled = true;
      stop!(error);
      void session?.close().catch(() => {});
    };
    const onAbort = () => cancel(new RequestCancelled());
    budget?.signal.addEventListener('abort', onAbort, { once: true });
    const timer = budget ? setTimeout(() => cancel(new DeadlinePassed()), deadline - Date.now()) : undefined;
    try {
      // Another transaction is planning this very text on a Neo4j that has not run it yet: wait for its
      // plan (server/graph/first-runs.ts), never past this request's own deadline.
      const first = this.firstRuns.inFlight(cypher);
      if (first) await Promise.race([first, stopped]);
      const remaining = deadline - Date.now();
      if (remaining < MIN_USEFUL_MS) throw new DeadlinePassed();

      const accessMode = mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE;
      const driverParams = toDriverParams(params) as Record<string, unknown>;
      const config = () => ({ timeout: Math.max(1, Math.min(timeoutMs, deadline - Date.now())) });
      const answer = (result: QueryResult) => {
        onSummary?.(result.summary);
        return result.records;
      };
      // Reads (and the writes that ask for it) go as auto-commit transactions: RUN and PULL in one socket
      // write and one round trip, where a managed transaction adds a BEGIN and a COMMIT (three writes of
      // Node's, and the COMMIT's own round trip). a805661 had turned reads back into managed transactions
      // for requests left unanswered under 100 clients; those stalls were bench:load's own event loop,
      // shared with the app it measured (e09850b).
      const autoCommit = async (): Promise<Neo4jRecord[]> => {
        for (let attempt = 0; ; attempt++) {
          session = this.driver.session({ defaultAccessMode: accessMode });
          try {
            return answer(await withoutCallerStack(() => session!.run(cypher, driverParams, config())));
          } catch (error) {
            // Asking a read again is harmless, and is what a managed transaction would do (a pooled
            // connection to a Neo4j that restarted, a cluster that moved its leader); a write is never sent twice.
            const pause = FIRST_RETRY_PAUSE_MS * 2 ** attempt;
            if (mode !== 'read' || cancelled || !isRetryableError(error) || Date.now() + pause + MIN_USEFUL_MS > deadline) throw error;
            await session.close().catch(() => {});
            await new Promise((resolve) => setTimeout(resolve, pause));
            if (cancelled) throw error;
          }
        }
      };
      const managedWrite = () => {
        session = this.driver.session({ defaultAccessMode: accessMode });
        return session.executeWrite(async (tx: ManagedTransaction) => answer(await withoutCallerStack(() => tx.run(cypher, driverParams))), config());
      };
      const running = mode === 'read' || options.autoCommit ? autoCommit() : managedWrite();
      // The loser of the race below may still reject later (a cancelled transaction does): nobody waits for it.
      running.catch(() => {});
      const answered = Promise.race([running, stopped]);
      // Others wait for this run only as long as this request does: a run cancelled at its deadline may
      // go on retrying inside the driver, against a Neo4j that is gone.
      this.firstRuns.began(cypher, answered);
      return await answered;
    } catch (error) {
      if (isConnectionFailure(error)) this.firstRuns.forget();
      throw error;
    } finally {
      clearTimeout(timer);
      budget?.signal.removeEventListener('abort', onAbort);
      // A cancelled run's session is already closing; waiting for it could outlast the deadline (a
      // close on a connection Neo4j dropped waits for the driver's own timeouts).
      if (!cancelled) await session?.close().catch(() => {});
    }
  }
}
