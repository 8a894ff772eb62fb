// Parameters of list-users.cypher.
import { z } from 'zod';
import { UserRecordRow } from './auth-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const query = recordQuery({ name: 'list-users', params, row: z.object({ user: UserRecordRow }) });
