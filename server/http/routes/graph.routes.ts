// The exploring routes of the first slice: search, one node, and a chain of command.
import { Router } from 'express';
import { queries } from '../../../contract/queries/index.ts';
import { NotFound } from '../../errors.ts';
import { chainParameters, fetchChain } from '../../queries/fetch-chain.ts';
import { fetchChainWithHypotheses } from '../../queries/hypothesis-chain.ts';
import { badInputFrom } from '../../errors.ts';
import { ChainHypotheses } from '../../../contract/api/notes.ts';
import { currentUser } from '../auth-middleware.ts';
import { booleanOrRaw, listOrRaw, numberOrRaw } from '../query-string.ts';
import type { AuditNote } from '../../policy/audit-log.ts';
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
      (checked) => {
        const { kinds, synthetic, offset, limit } = checked;
        return { action: 'search', query: queries.fullTextNames.name, parameters: { query: req.query.q, kinds, synthetic, offset, limit } };
      },
      { fieldNames: { query: 'q', kinds: 'kind' } },
    );
    res.json(result);
  });

  router.get('/nodes/:id', async (req, res) => {
    const reader = currentUser(res);
    // A malformed id is a 400 before anything is run or recorded; a well-formed unknown one is recorded as asked.
    graph.checkedParameters(queries.nodeDetails, { id: req.params.id });
    const result = await answers.disclose(reader, { action: 'node-open', targetIds: [req.params.id] }, async () => {
      const found = await answers.overMembers(reader, req.params.id, (id) => graph.evidence(queries.nodeDetails, { id }));
      if (found.nodes.length === 0) throw new NotFound(`No node with id "${req.params.id}"`);
      return found;
    });
    res.json(result);
  });

  router.get('/chain/:id', async (req, res) => {
    const reader = currentUser(res);
    const request = { id: req.params.id, asOf: req.query.asOf, limit: numberOrRaw(req.query.limit) };
    // Hypothesis links enter a chain only when asked for by name, and the chain then says so.
    const hypotheses = ChainHypotheses.safeParse(req.query.hypotheses ?? 'exclude');
    if (!hypotheses.success) throw badInputFrom(hypotheses.error, 'hypotheses');
    const include = hypotheses.data === 'include';
    const parameters = { ...chainParameters(graph, request), ...(include ? { hypotheses: 'include' } : {}) };
    const note: AuditNote = { action: 'chain', targetIds: [req.params.id], query: queries.chainOfCommand.name, parameters };
    // A resolved identity's chain is every member's, merged.
    const result = await answers.disclose(reader, note, () =>
      answers.overMembers(reader, req.params.id, (id) =>
        include ? fetchChainWithHypotheses(graph, notes, reader!.id, { ...request, id }) : fetchChain(graph, { ...request, id }),
      ),
    );
    res.json(result);
  });

  return router;
}
