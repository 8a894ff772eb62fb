// Parameters of find-user.cypher.
import { z } from 'zod';

export const params = z.object({ username: z.string().min(1).max(200), limit: z.literal(1).default(1) });
