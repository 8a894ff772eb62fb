// Parameters of find-session.cypher.
import { z } from 'zod';
import { EpochMs, TokenHash } from './auth-params.ts';

export const params = z.object({ tokenHash: TokenHash, now: EpochMs, limit: z.literal(1).default(1) });
