// The exploring routes of the first slice: search, one node, and a chain of command.
import { Router } from 'express';
import type { CatalogueEntry } from '../../graph/catalogue.ts';
import { fetchChain } from '../../queries/fetch-chain.ts';
import { NotFound } from '../../errors.ts';
import { runCatalogueQuery, type GuardedContext } from '../../graph/run-catalogue-query.ts';
import { numberOrRaw } from '../query-string.ts';

export function graphRoutes(context: GuardedContext, catalogue: Map<string, CatalogueEntry>): Router {
  const query = (name: string) => {
    const entry = catalogue.get(name);
    if (!entry) throw new Error(`The catalogue has no "${name}" query`);
    return entry;
  };
  const search = query('full-text-names');
  const nodeDetails = query('node-details');
  const router = Router();

  router.get('/search', async (req, res) => {
    const result = await runCatalogueQuery(context, search, { query: req.query.q, limit: numberOrRaw(req.query.limit) }, { query: 'q' });
    // The text as typed (its length is what the log keeps), not the search expression derived from it.
    await context.audit.recordFor(res, 'search', { query: search.name, parameters: { query: req.query.q, limit: result.meta.parameters.limit } });
    res.json(context.redactor.search(res, result));
  });

  router.get('/nodes/:id', async (req, res) => {
    const result = await runCatalogueQuery(context, nodeDetails, { id: req.params.id });
    if (result.nodes.length === 0) throw new NotFound(`No node with id "${req.params.id}"`);
    await context.audit.recordFor(res, 'node-open', { targetIds: [req.params.id] });
    res.json(context.redactor.result(res, result));
  });

  router.get('/chain/:id', async (req, res) => {
    const result = await fetchChain(context, catalogue, { id: req.params.id, asOf: req.query.asOf, limit: numberOrRaw(req.query.limit) });
    await context.audit.recordFor(res, 'chain', { targetIds: [req.params.id], query: result.meta.query, parameters: result.meta.parameters });
    res.json(context.redactor.result(res, result));
  });

  return router;
}
