// Parameters of retire-other-seeds.cypher.
import { z } from 'zod';

export const params = z.object({ importId: z.string().startsWith('seed:') });
