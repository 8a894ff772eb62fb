// Parameters of find-session.cypher.
import { z } from 'zod';
import { EpochMs, SessionKind, TokenHash, UserRow } from './auth-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({ tokenHash: TokenHash, now: EpochMs, limit: z.literal(1).default(1) });

export const query = recordQuery({
  name: 'find-session',
  params,
  row: z.object({
    session: z.object({ id: z.string(), kind: SessionKind, csrfToken: z.string().nullable(), expiresAt: EpochMs, idleExpiresAt: EpochMs.nullable() }),
    user: UserRow,
  }),
});
