// Parameters of remove-other-seeds.cypher.
import { z } from 'zod';

export const params = z.object({ importId: z.string().startsWith('seed:'), limit: z.number().int().min(1).max(100_000) });
