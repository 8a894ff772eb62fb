// Runs a curated query: read queries in read transactions (READ routing on a cluster), with a timeout.
import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { CatalogueEntry } from '../../cypher/catalogue.ts';

export interface RunOptions {
  /** Neo4j's transaction timeout for this query; the server kills it past this. */
  timeoutMs: number;
}

export interface QueryRun {
  records: Neo4jRecord[];
  durationMs: number;
}

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
  const session = driver.session({ defaultAccessMode: entry.mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE });
  try {
    const work = async (tx: ManagedTransaction) => (await tx.run(entry.cypher, toDriverParams(params) as Record<string, unknown>)).records;
    const config = { timeout: options.timeoutMs };
    const records = entry.mode === 'read' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    return { records, durationMs: performance.now() - started };
  } finally {
    await session.close();
  }
}
