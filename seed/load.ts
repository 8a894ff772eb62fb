// Loads the seed (public record + synthetic records) into an empty database, in one transaction.
import type { Driver } from 'neo4j-driver';
import type { CatalogueEntry } from '../cypher/catalogue.ts';
import { toDriverParams } from '../server/neo4j/run-query.ts';
import { publicRecordRows, readReference, type GraphRows } from './public-record.ts';
import { SMALL_SYNTHETIC, syntheticRows } from './synthetic.ts';

export function seedRows(): GraphRows {
  const publicRecord = publicRecordRows(readReference());
  const synthetic = syntheticRows(SMALL_SYNTHETIC);
  return {
    nodes: [...publicRecord.nodes, ...synthetic.nodes],
    relationships: [...publicRecord.relationships, ...synthetic.relationships],
  };
}

export async function isGraphEmpty(driver: Driver): Promise<boolean> {
  const { records } = await driver.executeQuery('MATCH (n:Entity) RETURN count(n) > 0 AS seeded', {}, { routing: 'READ' });
  return records[0]?.get('seeded') !== true;
}

/**
 * Writes the rows through the catalogue's merge queries, nodes first so every link finds its ends,
 * in one transaction: a failed seed leaves the database empty, and the next start tries again.
 */
export async function writeRows(driver: Driver, catalogue: Map<string, CatalogueEntry>, rows: GraphRows): Promise<void> {
  const mergeNodes = catalogue.get('merge-nodes')!;
  const mergeRelationships = catalogue.get('merge-relationships')!;
  const nodes = mergeNodes.schema.parse({ rows: rows.nodes });
  const relationships = mergeRelationships.schema.parse({ rows: rows.relationships });
  const session = driver.session();
  try {
    await session.executeWrite(async (tx) => {
      await tx.run(mergeNodes.cypher, toDriverParams(nodes) as Record<string, unknown>);
      const written = await tx.run(mergeRelationships.cypher, toDriverParams(relationships) as Record<string, unknown>);
      const count = Number(written.records[0]?.get('written') ?? 0);
      // MATCH drops a link whose end is missing without a word; a seed must not lose one silently.
      if (count !== rows.relationships.length) {
        throw new Error(`Seed wrote ${count} of ${rows.relationships.length} relationships: some name a node that does not exist`);
      }
    });
  } finally {
    await session.close();
  }
}

/** True when it seeded; false when the graph already held evidence (a user's import is never overwritten). */
export async function seedIfEmpty(driver: Driver, catalogue: Map<string, CatalogueEntry>): Promise<boolean> {
  if (!(await isGraphEmpty(driver))) return false;
  await writeRows(driver, catalogue, seedRows());
  return true;
}
