// Parameters of find-mapping.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({ headerKey: z.string().regex(/^[0-9a-f]{64}$/), limit: z.number().int().min(1).max(1) });

export const query = recordQuery({
  name: 'find-mapping',
  params,
  row: z.object({ mapping: z.string(), name: z.string().nullable(), savedBy: z.string(), savedAt: z.string() }),
});
