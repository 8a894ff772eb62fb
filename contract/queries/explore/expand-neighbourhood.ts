// Parameters of expand-neighbourhood.cypher.
import { z } from 'zod';
import { EntityId, RelationshipTypes, rowLimit } from '../params.ts';

export const params = z.object({
  id: EntityId,
  types: RelationshipTypes,
  direction: z.enum(['out', 'in', 'both']).default('both'),
  limit: rowLimit(2_000, 200),
});
