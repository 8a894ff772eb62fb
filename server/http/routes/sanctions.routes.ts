// /api/chain/:id/sanctions: for legal and sanctions teams, who in a chain of command is sanctioned (by whom, when, under which measure) and who is not.
import { Router } from 'express';
import { queries } from '../../../contract/queries/index.ts';
import { fetchChainSanctions } from '../../queries/chain-sanctions.ts';
import { chainParameters } from '../../queries/fetch-chain.ts';
import { currentUser } from '../auth-middleware.ts';
import { numberOrRaw } from '../query-string.ts';
import type { AuditNote } from '../../policy/audit-log.ts';
import type { Services } from '../services.ts';

export function sanctionsRoutes({ graph, answers }: Services): Router {
  const router = Router();

  router.get('/chain/:id/sanctions', async (req, res) => {
    const request = { id: req.params.id, asOf: req.query.asOf, limit: numberOrRaw(req.query.limit) };
    const note: AuditNote = { action: 'chain', targetIds: [req.params.id], query: queries.sanctionsOf.name, parameters: chainParameters(graph, request) };
    res.json(await answers.disclose(currentUser(res), note, () => fetchChainSanctions(graph, request)));
  });

  return router;
}
