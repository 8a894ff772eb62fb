// Parameters of create-user.cypher.
import { z } from 'zod';
import { Role, UserId, Username } from './auth-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  id: UserId,
  username: Username,
  passwordHash: z.string().startsWith('$argon2'),
  role: Role,
  createdAt: z.iso.datetime(),
});

export const query = recordQuery({ name: 'create-user', params, row: z.object({ id: z.string() }) });
