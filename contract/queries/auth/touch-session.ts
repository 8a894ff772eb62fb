// Parameters of touch-session.cypher.
import { z } from 'zod';
import { EpochMs } from './auth-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({ id: z.uuid(), idleExpiresAt: EpochMs });

export const query = recordQuery({ name: 'touch-session', params, row: z.object({ id: z.string() }) });
