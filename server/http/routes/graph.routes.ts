// The exploring routes of the first slice: search, one node, and a chain of command.
import { Router } from 'express';
import { queries } from '../../../contract/queries/index.ts';
import { NotFound } from '../../errors.ts';
import { fetchChain } from '../../queries/fetch-chain.ts';
import { fetchChainWithHypotheses } from '../../queries/hypothesis-chain.ts';
import { badInputFrom } from '../../errors.ts';
import { ChainHypotheses } from '../../../contract/api/notes.ts';
import { currentUser } from '../auth-middleware.ts';
import { booleanOrRaw, listOrRaw, numberOrRaw } from '../query-string.ts';
import type { Services } from '../services.ts';

export function graphRoutes({ graph, answers, notes }: Services): Router {
  const router = Router();

  router.get('/search', async (req, res) => {
    const result = await answers.ask(
      currentUser(res),
      queries.fullTextNames,
      {
        query: req.query.q,
        kinds: listOrRaw(req.query.kind),
        synthetic: booleanOrRaw(req.query.synthetic),
        offset: numberOrRaw(req.query.offset),
        limit: numberOrRaw(req.query.limit),
      },
      // The text as typed (its length is what the log keeps), not the search expression derived from it.
      (found) => {
        const { kinds, synthetic, offset, limit } = found.meta.parameters;
        return { action: 'search', query: queries.fullTextNames.name, parameters: { query: req.query.q, kinds, synthetic, offset, limit } };
      },
      { fieldNames: { query: 'q', kinds: 'kind' } },
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
    // Hypothesis links enter a chain only when asked for by name, and the chain then says so.
    const hypotheses = ChainHypotheses.safeParse(req.query.hypotheses ?? 'exclude');
    if (!hypotheses.success) throw badInputFrom(hypotheses.error, 'hypotheses');
    // A resolved identity's chain is every member's, merged.
    const result = await answers.overMembers(currentUser(res), req.params.id, (id) =>
      hypotheses.data === 'include' ? fetchChainWithHypotheses(graph, notes, currentUser(res)!.id, { ...request, id }) : fetchChain(graph, { ...request, id }),
    );
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
