// Parameters of list-tokens.cypher.
import { z } from 'zod';
import { EpochMs, UserId } from './auth-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({ userId: UserId, now: EpochMs, limit: z.number().int().min(1).max(1000).default(200) });

export const query = recordQuery({
  name: 'list-tokens',
  params,
  row: z.object({ token: z.object({ id: z.string(), label: z.string().nullable(), createdAt: EpochMs, expiresAt: EpochMs }) }),
});
