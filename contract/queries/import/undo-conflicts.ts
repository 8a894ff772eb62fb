// Parameters of undo-conflicts.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { ImportLookup } from '../params.ts';

const params = z.object({ importId: ImportLookup, limit: z.number().int().min(1).max(1000) });

export const query = recordQuery({
  name: 'undo-conflicts',
  params,
  row: z.object({ nodeId: z.string(), linkId: z.string().nullable(), type: z.string(), imports: z.array(z.string()) }),
});
