// Parameters of create-session.cypher.
import { z } from 'zod';
import { EpochMs, SessionKind, TokenHash, UserId } from './auth-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  id: z.uuid(),
  tokenHash: TokenHash,
  userId: UserId,
  kind: SessionKind,
  label: z.string().min(1).max(200).nullable(),
  csrfToken: z.string().min(32).nullable(),
  createdAt: EpochMs,
  expiresAt: EpochMs,
  idleExpiresAt: EpochMs.nullable(),
});

export const query = recordQuery({ name: 'create-session', params, row: z.object({ id: z.string() }) });
