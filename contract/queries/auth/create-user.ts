// Parameters of create-user.cypher.
import { z } from 'zod';
import { UserId, Username, UsernameKey } from './auth-params.ts';
import { Role } from '../../api/session.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  id: UserId,
  username: Username,
  usernameKey: UsernameKey,
  passwordHash: z.string().startsWith('$argon2'),
  role: Role,
  createdAt: z.iso.datetime(),
});

export const query = recordQuery({ name: 'create-user', params, row: z.object({ id: z.string() }) });
