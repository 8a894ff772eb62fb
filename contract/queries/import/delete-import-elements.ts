// Parameters of delete-import-elements.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  relationships: z.array(z.string()).max(50_000),
  nodes: z.array(z.string()).max(50_000),
  importId: z.string().min(1),
});

export const query = recordQuery({ name: 'delete-import-elements', params, row: z.object({ deleted: z.number().int() }) });
