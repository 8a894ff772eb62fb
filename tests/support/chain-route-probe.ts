// The three queries GET /api/chain/:id runs (server/queries/fetch-chain.ts), run by a bare driver as the
// route runs them: the fault tests' measure of "Neo4j itself answers the route again" after it died,
// from which the app's own delay is counted.
import type { Driver } from 'neo4j-driver';
import { queries } from '../../contract/queries/index.ts';
import type { Catalogue } from '../../server/graph/catalogue.ts';
import { toDriverParams } from '../../server/graph/executor.ts';

/** Resolves when all three ran for `id`; rejects with the first failure (Neo4j down, recovering, timed out). */
export async function runChainRouteQueries(driver: Driver, catalogue: Catalogue, id: string): Promise<void> {
  for (const query of [queries.nodeDetails, queries.chainOfCommand, queries.chainCeilings]) {
    const entry = catalogue.entry(query);
    await driver.executeQuery(entry.cypher, toDriverParams(entry.schema.parse({ id })) as Record<string, unknown>);
  }
}
