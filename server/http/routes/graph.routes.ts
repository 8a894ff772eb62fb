// The exploring routes of the first slice: search, one node, and a chain of command.
import { Router } from 'express';
import { queries } from '../../../contract/queries/index.ts';
import { NotFound } from '../../errors.ts';
import { fetchChain } from '../../queries/fetch-chain.ts';
import { currentUser } from '../auth-middleware.ts';
import { numberOrRaw } from '../query-string.ts';
import type { Services } from '../services.ts';

export function graphRoutes({ graph, answers }: Services): Router {
  const router = Router();

  router.get('/search', async (req, res) => {
    const result = await answers.ask(
      currentUser(res),
      queries.fullTextNames,
      { query: req.query.q, limit: numberOrRaw(req.query.limit) },
      // The text as typed (its length is what the log keeps), not the search expression derived from it.
      (found) => ({ action: 'search', query: queries.fullTextNames.name, parameters: { query: req.query.q, limit: found.meta.parameters.limit } }),
      { fieldNames: { query: 'q' } },
    );
    res.json(result);
  });

  router.get('/nodes/:id', async (req, res) => {
    const result = await answers.overMembers(currentUser(res), req.params.id, (id) => graph.evidence(queries.nodeDetails, { id }));
    if (result.nodes.length === 0) throw new NotFound(`No node with id "${req.params.id}"`);
    res.json(await answers.disclose(currentUser(res), result, { action: 'node-open', targetIds: [req.params.id] }));
  });

  router.get('/chain/:id', async (req, res) => {
    const request = { asOf: req.query.asOf, limit: numberOrRaw(req.query.limit) };
    const result = await answers.overMembers(currentUser(res), req.params.id, (id) => fetchChain(graph, { ...request, id }));
    res.json(
      await answers.disclose(currentUser(res), result, {
        action: 'chain',
        targetIds: [req.params.id],
        query: result.meta.query,
        parameters: result.meta.parameters,
      }),
    );
  });

  return router;
}
