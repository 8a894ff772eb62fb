// Parameters of merge-import-nodes.cypher.
import { z } from 'zod';
import { NodeRow } from '../../graph-rows.ts';
import { recordQuery } from '../define-query.ts';

export const params = z.object({ rows: z.array(NodeRow).max(50_000), importId: z.string().min(1) });

export const query = recordQuery({
  name: 'merge-import-nodes',
  background: true,
  params,
  row: z.object({ created: z.number().int(), merged: z.number().int(), written: z.number().int() }),
});
