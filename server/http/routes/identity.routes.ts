// The review queue's routes: candidate duplicates with their reasons, judgements (same, not same,
// unsure) and their retraction, and splitting a resolved identity. For analysts and admins only: a
// viewer reviewing candidates would learn which victims' records match.
import { Router, type Response } from 'express';
import { z } from 'zod';
import { type CandidatesAnswer, type IdentityAnswer, JudgementBody, SplitBody } from '../../../contract/api/identity.ts';
import { JudgementId } from '../../../contract/queries/identity/identity-params.ts';
import { kindOf, StableId } from '../../../contract/model.ts';
import { BadInput, HttpProblem, NotFound, parseInput } from '../../errors.ts';
import { findGraphCandidates } from '../../queries/identity-candidates.ts';
import { currentUser, requireRole } from '../auth-middleware.ts';
import { numberOrRaw } from '../query-string.ts';
import type { Services } from '../services.ts';

function authorOf(res: Response): string {
  return currentUser(res)?.username ?? 'local';
}

/** 409: the request is well formed but the graph's state refuses it (a split of records never merged). */
class Conflict extends HttpProblem {
  constructor(field: string, reason: string) {
    super(409, 'Conflict', `${field}: ${reason}`, [{ field, reason }]);
  }
}

/** Candidates one answer lists at most; the answer says how many there were. */
export const CandidateLimit = z.number().int().min(1).max(500);

export function identityRoutes({ graph, identities, audit }: Services): Router {
  const router = Router();
  const reviewers = requireRole('analyst', 'admin');

  router.get('/identity/candidates', reviewers, async (req, res) => {
    const limit = parseInput(CandidateLimit, numberOrRaw(req.query.limit) ?? 100, 'limit');
    const found = await findGraphCandidates(graph, identities);
    await audit.record(currentUser(res), { action: 'identity-candidates', parameters: { limit, total: found.candidates.length } });
    const answer: CandidatesAnswer = { candidates: found.candidates.slice(0, limit), total: found.candidates.length, stats: { ...found.stats } };
    res.json(answer);
  });

  router.post('/identity/judgements', reviewers, async (req, res) => {
    const body = parseInput(JudgementBody, req.body ?? {});
    if (body.leftId === body.rightId) throw new BadInput([{ field: 'rightId', reason: 'must be another record than leftId' }]);
    const subjects = await identities.subjects([body.leftId, body.rightId]);
    for (const field of ['leftId', 'rightId'] as const) {
      if (!subjects.has(body[field])) throw new NotFound(`${field}: no record with id "${body[field]}" (it may have been removed)`);
    }
    const [leftKind, rightKind] = [kindOf(subjects.get(body.leftId)!), kindOf(subjects.get(body.rightId)!)];
    if (body.verdict === 'same' && leftKind !== rightKind) {
      throw new BadInput([{ field: 'rightId', reason: `is a ${rightKind} and leftId a ${leftKind}: records of different kinds cannot be one` }]);
    }
    const saved = await identities.judge({
      leftId: body.leftId,
      rightId: body.rightId,
      verdict: body.verdict,
      note: body.note,
      reasons: body.reasons ? JSON.stringify(body.reasons) : null,
      author: authorOf(res),
    });
    if (!saved) throw new NotFound('leftId or rightId: the record was removed while the judgement was being written; nothing was recorded');
    await audit.record(currentUser(res), {
      action: 'identity-judge',
      targetIds: [body.leftId, body.rightId],
      parameters: { verdict: body.verdict, judgement: saved.id },
    });
    res.status(201).json(saved);
  });

  router.get('/identity/judgements', reviewers, async (req, res) => {
    const nodeId = req.query.nodeId === undefined ? null : parseInput(StableId, req.query.nodeId, 'nodeId');
    res.json({ judgements: await identities.list(nodeId ? [nodeId] : null, true) });
  });

  router.post('/identity/judgements/:id/retract', reviewers, async (req, res) => {
    const id = parseInput(JudgementId, req.params.id, 'id');
    const retracted = await identities.retract([id], authorOf(res));
    if (retracted.length === 0) throw new NotFound(`id: no judgement in force with id "${id}"`);
    await audit.record(currentUser(res), { action: 'identity-retract', parameters: { judgement: id } });
    res.json({ retracted });
  });

  router.get('/identity/of/:id', reviewers, async (req, res) => {
    const id = parseInput(StableId, req.params.id, 'id');
    const identity = (await identities.index()).byMember.get(id);
    const judgements = await identities.list(identity?.members ?? [id], true);
    const answer: IdentityAnswer = { id: identity?.id ?? null, members: identity?.members ?? [id], judgements };
    res.json(answer);
  });

  router.post('/identity/split', reviewers, async (req, res) => {
    const { id } = parseInput(SplitBody, req.body ?? {});
    const identity = (await identities.index()).byMember.get(id);
    if (!identity) throw new Conflict('id', `record "${id}" is not merged with any other: there is nothing to split`);
    const retracted = await identities.retract(identity.judgementIds, authorOf(res));
    await audit.record(currentUser(res), { action: 'identity-split', targetIds: identity.members, parameters: { retracted: retracted.length } });
    res.json({ members: identity.members, retracted });
  });

  return router;
}
