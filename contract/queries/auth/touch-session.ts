// Parameters of touch-session.cypher.
import { z } from 'zod';
import { EpochMs } from './auth-params.ts';

export const params = z.object({ id: z.uuid(), idleExpiresAt: EpochMs });
