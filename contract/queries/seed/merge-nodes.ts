// Parameters of merge-nodes.cypher.
import { z } from 'zod';
import { NodeRow } from '../../graph-rows.ts';
import { recordQuery } from '../define-query.ts';

export const params = z.object({ rows: z.array(NodeRow).max(50_000), importId: z.string().nullable().default(null) });

export const query = recordQuery({ name: 'merge-nodes', background: true, params, row: z.object({ written: z.number().int() }) });
