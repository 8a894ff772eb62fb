// Parameters of relationship-counts.cypher.
import { z } from 'zod';
import { EntityId } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({ id: EntityId });

// Counts only, per type and direction: what the node menu offers every role (the links themselves are withheld as any answer's).
export const query = evidenceQuery({ name: 'relationship-counts', params, disclosed: { parameters: ['id'], columns: ['relationshipCounts'] } });
