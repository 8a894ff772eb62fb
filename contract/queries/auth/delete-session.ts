// Parameters of delete-session.cypher.
import { z } from 'zod';
import { SessionKind, UserId } from './auth-params.ts';

export const params = z.object({ id: z.uuid(), userId: UserId, kind: SessionKind });
