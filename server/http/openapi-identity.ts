// The OpenAPI operations of /api/identity (possible duplicates, judgements, resolved identities), from the schemas the routes check.
import { z } from 'zod';
import { JudgementBody, SplitBody } from '../../contract/api/identity.ts';
import { JudgementId } from '../../contract/queries/identity/identity-params.ts';
import { StableId } from '../../contract/model.ts';
import { type Operation, problem, problems } from './openapi-types.ts';
import { CandidateLimit } from './routes/identity.routes.ts';

const reviewersOnly = problem('Viewers may not review identities');

export const identityOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/identity/candidates',
    summary: 'Possible duplicates found by blocking, each with its score and the rules that counted',
    tag: 'identity',
    query: z.object({ limit: CandidateLimit.optional() }),
    responses: { 200: { description: 'Candidate pairs, highest score first' }, 400: problems[400], 403: reviewersOnly },
  },
  {
    method: 'post',
    path: '/api/identity/judgements',
    summary: 'Judge two records the same, not the same, or unsure, with a note (a record of its own, never evidence)',
    tag: 'identity',
    body: JudgementBody,
    responses: { 201: { description: 'Recorded' }, ...problems, 403: reviewersOnly },
  },
  {
    method: 'get',
    path: '/api/identity/judgements',
    summary: 'Judgements in force, or those on one node',
    tag: 'identity',
    query: z.object({ nodeId: StableId.optional() }),
    responses: { 200: { description: 'Judgements, newest first' }, 400: problems[400], 403: reviewersOnly },
  },
  {
    method: 'post',
    path: '/api/identity/judgements/{id}/retract',
    summary: 'Retract a judgement: it stays on record as retracted, by whom and when',
    tag: 'identity',
    pathParams: { id: JudgementId },
    responses: { 200: { description: 'Retracted' }, ...problems, 403: reviewersOnly },
  },
  {
    method: 'get',
    path: '/api/identity/of/{id}',
    summary: 'The resolved identity a node belongs to: its members and the judgements that join them',
    tag: 'identity',
    pathParams: { id: StableId },
    responses: { 200: { description: 'The identity' }, ...problems, 403: reviewersOnly },
  },
  {
    method: 'post',
    path: '/api/identity/split',
    summary: 'Split a resolved identity into its records again, retracting the judgements that joined them',
    tag: 'identity',
    body: SplitBody,
    responses: { 200: { description: 'Split' }, ...problems, 403: reviewersOnly, 409: problem('The records were never merged') },
  },
];
