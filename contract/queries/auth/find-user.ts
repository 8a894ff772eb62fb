// Parameters of find-user.cypher.
import { z } from 'zod';
import { UserRow, UsernameKey } from './auth-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({ username: z.string().min(1).max(200), usernameKey: UsernameKey, limit: z.literal(1).default(1) });

export const query = recordQuery({ name: 'find-user', params, row: z.object({ user: UserRow.extend({ passwordHash: z.string(), disabled: z.boolean() }) }) });
