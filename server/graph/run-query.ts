// Runs a curated query: read queries in read transactions (READ routing on a cluster), inside the
// request's time budget, cancelled when its client goes away (see server/deadline.ts).
import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { CatalogueEntry } from './catalogue.ts';
import { currentBudget, DeadlinePassed, RequestCancelled } from './budget.ts';

export interface RunOptions {
  /** Neo4j's transaction timeout for this query; the server kills it past this. */
  timeoutMs: number;
}

export interface QueryRun {
  records: Neo4jRecord[];
  durationMs: number;
}

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

export async function runQuery(driver: Driver, entry: CatalogueEntry, params: Record<string, unknown>, options: RunOptions): Promise<QueryRun> {
  const started = performance.now();
  // The budget of the HTTP request being handled, if any.
  const budget = currentBudget();
  if (budget?.signal.aborted) throw new RequestCancelled();
  const remaining = budget ? budget.deadline - Date.now() : options.timeoutMs;
  if (remaining < MIN_USEFUL_MS) throw new DeadlinePassed();

  const session = driver.session({ defaultAccessMode: entry.mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE });
  const work = async (tx: ManagedTransaction) => (await tx.run(entry.cypher, toDriverParams(params) as Record<string, unknown>)).records;
  // Neo4j's own timeout never outlives the request: the server stops the query, not just the wait.
  const config = { timeout: Math.max(1, Math.min(options.timeoutMs, remaining)) };
  const running = entry.mode === 'read' ? session.executeRead(work, config) : session.executeWrite(work, config);

  let stop: ((error: Error) => void) | undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  // Closing the session while a transaction is open makes the driver send RESET: Neo4j terminates it.
  let cancelled = false;
  const cancel = (error: Error) => {
    cancelled = true;
    stop!(error);
    void session.close().catch(() => {});
  };
  const onAbort = () => cancel(new RequestCancelled());
  budget?.signal.addEventListener('abort', onAbort, { once: true });
  const timer = budget ? setTimeout(() => cancel(new DeadlinePassed()), remaining) : undefined;
  // The loser of the race below may still reject later (a cancelled transaction does): nobody waits for it.
  running.catch(() => {});
  try {
    const records = await Promise.race([running, stopped]);
    return { records, durationMs: performance.now() - started };
  } finally {
    clearTimeout(timer);
    budget?.signal.removeEventListener('abort', onAbort);
    // A cancelled run's session is already closing; waiting for it could outlast the deadline (a
    // close on a connection Neo4j dropped waits for the driver's own timeouts).
    if (!cancelled) await session.close().catch(() => {});
  }
}
