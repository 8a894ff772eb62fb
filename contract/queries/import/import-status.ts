// Parameters of import-status.cypher.
import { z } from 'zod';

export const params = z.object({ importId: z.string().min(1) });
