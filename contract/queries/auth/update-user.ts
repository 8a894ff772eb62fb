// Parameters of update-user.cypher.
import { z } from 'zod';
import { Role, UserId, UserRecordRow } from './auth-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({ id: UserId, role: Role.nullable(), disabled: z.boolean().nullable() });

export const query = recordQuery({ name: 'update-user', params, row: z.object({ user: UserRecordRow }) });
