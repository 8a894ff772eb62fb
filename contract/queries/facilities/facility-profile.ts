// Parameters of facility-profile.cypher.
import { z } from 'zod';
import { EntityId } from '../params.ts';

export const params = z.object({ id: EntityId, guardSample: z.number().int().min(0).max(500).default(25) });
