// The chain of command of one node, as every route answers it: 404 for an unknown id, and a node with
// no chain still present (alone, with its sources) so the screen or file can say "no chain".
import type { CatalogueEntry } from '../graph/catalogue.ts';
import type { Result } from '../../contract/result.ts';
import { NotFound } from '../errors.ts';
import { runCatalogueQuery, type QueryContext } from '../graph/run-catalogue-query.ts';

export interface ChainRequest {
  id: string;
  asOf?: unknown;
  limit?: unknown;
}

function entry(catalogue: Map<string, CatalogueEntry>, name: string): CatalogueEntry {
  const found = catalogue.get(name);
  if (!found) throw new Error(`The catalogue has no "${name}" query`);
  return found;
}

export async function fetchChain(context: QueryContext, catalogue: Map<string, CatalogueEntry>, request: ChainRequest): Promise<Result> {
  const start = await runCatalogueQuery(context, entry(catalogue, 'node-details'), { id: request.id });
  const node = start.nodes.find((candidate) => candidate.id === request.id);
  if (!node) throw new NotFound(`No node with id "${request.id}"`);
  const chains = await runCatalogueQuery(context, entry(catalogue, 'chain-of-command'), {
    id: request.id,
    asOf: request.asOf,
    limit: request.limit,
  });
  if (chains.paths.length === 0) {
    chains.nodes.push(node);
    for (const id of (node.properties.sources as string[] | undefined) ?? []) {
      if (start.citations[id]) chains.citations[id] = start.citations[id];
    }
  }
  return chains;
}
