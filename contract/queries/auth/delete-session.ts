// Parameters of delete-session.cypher.
import { z } from 'zod';
import { SessionKind, UserId } from './auth-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({ id: z.uuid(), userId: UserId.nullable(), kind: SessionKind });

export const query = recordQuery({ name: 'delete-session', params, row: z.object({ deleted: z.number().int(), owners: z.array(z.string()) }) });
