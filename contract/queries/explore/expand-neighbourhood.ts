// Parameters of expand-neighbourhood.cypher.
import { z } from 'zod';
import { EntityId, RelationshipTypes, rowLimit } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({
  id: EntityId,
  types: RelationshipTypes,
  direction: z.enum(['out', 'in', 'both']).default('both'),
  limit: rowLimit(2_000, 200),
});

export const query = evidenceQuery({ name: 'expand-neighbourhood', params, disclosed: { parameters: ['id', 'types', 'direction', 'limit'], columns: [] } });
