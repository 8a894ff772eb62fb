// Parameters of remove-other-seeds.cypher.
import { z } from 'zod';

export const params = z.object({ limit: z.number().int().min(1).max(100_000) });
