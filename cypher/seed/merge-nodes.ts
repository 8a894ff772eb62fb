// Parameters of merge-nodes.cypher.
import { z } from 'zod';
import { NodeRow } from './graph-rows.ts';

export const params = z.object({ rows: z.array(NodeRow).max(10_000) });
