// Plans every curated read query once, at start, with EXPLAIN: nothing is read or written, but the
// plans land in Neo4j's query cache. Without it the first burst of requests after a start plans the
// same query once per concurrent request (1.5 s each on two cores for the chain of command), and a
// hundred analysts arriving together wait out their deadline (npm run bench:load's first wave).
import type { Driver } from 'neo4j-driver';
import type { CatalogueEntry } from './catalogue.ts';

/** Resolves to how many queries were planned; a query that fails to plan is logged and skipped. */
export async function warmQueryPlans(driver: Driver, catalogue: Map<string, CatalogueEntry>, log: (line: string) => void): Promise<number> {
  let planned = 0;
  // One at a time: this runs beside the first requests and must not crowd them out.
  for (const entry of catalogue.values()) {
    if (entry.mode !== 'read') continue;
    try {
      await driver.executeQuery(`EXPLAIN ${entry.cypher}`, {}, { routing: 'READ' });
      planned += 1;
    } catch (error) {
      log(`Could not plan "${entry.name}" ahead: ${(error as { code?: string }).code ?? String(error)}`);
    }
  }
  return planned;
}
