// Parameters of merge-relationships.cypher.
import { z } from 'zod';
import { RelationshipRow } from '../../graph-rows.ts';

export const params = z.object({ rows: z.array(RelationshipRow).max(50_000), importId: z.string().nullable().default(null) });
