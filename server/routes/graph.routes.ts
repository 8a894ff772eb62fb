// The exploring routes of the first slice: search, one node, and a chain of command.
import { Router } from 'express';
import type { CatalogueEntry } from '../../cypher/catalogue.ts';
import { NotFound } from '../problems.ts';
import { runCatalogueQuery, type QueryContext } from '../run-catalogue-query.ts';

/** Query-string numbers arrive as text; an absent one stays absent so zod's default applies. */
function numberOrRaw(value: unknown): unknown {
  return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
}

export function graphRoutes(context: QueryContext, catalogue: Map<string, CatalogueEntry>): Router {
  const query = (name: string) => {
    const entry = catalogue.get(name);
    if (!entry) throw new Error(`The catalogue has no "${name}" query`);
    return entry;
  };
  const search = query('full-text-names');
  const nodeDetails = query('node-details');
  const chainOfCommand = query('chain-of-command');
  const router = Router();

  router.get('/search', async (req, res) => {
    const result = await runCatalogueQuery(context, search, { query: req.query.q, limit: numberOrRaw(req.query.limit) }, { query: 'q' });
    res.json(result);
  });

  router.get('/nodes/:id', async (req, res) => {
    const result = await runCatalogueQuery(context, nodeDetails, { id: req.params.id });
    if (result.nodes.length === 0) throw new NotFound(`No node with id "${req.params.id}"`);
    res.json(result);
  });

  router.get('/chain/:id', async (req, res) => {
    const start = await runCatalogueQuery(context, nodeDetails, { id: req.params.id });
    if (start.nodes.length === 0) throw new NotFound(`No node with id "${req.params.id}"`);
    const chains = await runCatalogueQuery(context, chainOfCommand, {
      id: req.params.id,
      asOf: req.query.asOf,
      limit: numberOrRaw(req.query.limit),
    });
    // A node with no chain is still drawn, so the screen can say "no chain" beside it.
    if (chains.paths.length === 0) {
      const node = start.nodes.find((candidate) => candidate.id === req.params.id)!;
      chains.nodes.push(node);
      for (const id of (node.properties.sources as string[] | undefined) ?? []) {
        if (start.citations[id]) chains.citations[id] = start.citations[id];
      }
    }
    res.json(chains);
  });

  return router;
}
