// Parameters of end-sessions.cypher.
import { z } from 'zod';
import { SessionKind, UserId } from './auth-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  userId: UserId,
  kinds: z.array(SessionKind).min(1),
  keep: z.uuid().nullable(),
  passwordHash: z.string().startsWith('$argon2').nullable(),
});

export const query = recordQuery({ name: 'end-sessions', params, row: z.object({ ended: z.number().int() }) });
