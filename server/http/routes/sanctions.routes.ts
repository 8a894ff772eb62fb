// /api/chain/:id/sanctions: for legal and sanctions teams, who in a chain of command is sanctioned (by whom, when, under which measure) and who is not.
import { Router } from 'express';
import { fetchChainSanctions } from '../../queries/chain-sanctions.ts';
import { currentUser } from '../auth-middleware.ts';
import { numberOrRaw } from '../query-string.ts';
import type { Services } from '../services.ts';

export function sanctionsRoutes({ graph, answers }: Services): Router {
  const router = Router();

  router.get('/chain/:id/sanctions', async (req, res) => {
    const result = await fetchChainSanctions(graph, { id: req.params.id, asOf: req.query.asOf, limit: numberOrRaw(req.query.limit) });
    res.json(
      await answers.disclose(currentUser(res), result, {
        action: 'chain',
        targetIds: [req.params.id],
        query: result.meta.query,
        parameters: { id: req.params.id, asOf: req.query.asOf ?? null },
      }),
    );
  });

  return router;
}
