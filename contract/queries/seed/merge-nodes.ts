// Parameters of merge-nodes.cypher.
import { z } from 'zod';
import { NodeRow } from '../../graph-rows.ts';

export const params = z.object({ rows: z.array(NodeRow).max(50_000), importId: z.string().nullable().default(null) });
