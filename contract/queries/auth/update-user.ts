// Parameters of update-user.cypher.
import { z } from 'zod';
import { UserId, UserRecordRow } from './auth-params.ts';
import { Role } from '../../api/session.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({ id: UserId, role: Role.nullable(), disabled: z.boolean().nullable() });

export const query = recordQuery({ name: 'update-user', params, row: z.object({ user: UserRecordRow }) });
