// Applies contract/queries/schema/schema.cypher at start-up: every statement is IF NOT EXISTS, so it is idempotent.
import type { Driver } from 'neo4j-driver';
import type { CatalogueEntry } from './catalogue.ts';

export function schemaStatements(entry: CatalogueEntry): string[] {
  return entry.cypher
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

export async function applySchema(driver: Driver, entry: CatalogueEntry): Promise<void> {
  // Schema commands cannot share a transaction with each other; each runs on its own.
  for (const statement of schemaStatements(entry)) await driver.executeQuery(statement, {}, { routing: 'WRITE' });
  // New indexes populate in the background; queries that follow must see them online.
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { routing: 'WRITE' });
}
