// Parameters of save-mapping.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  headerKey: z.string().regex(/^[0-9a-f]{64}$/),
  columns: z.array(z.string()).min(1).max(2000),
  name: z.string().nullable(),
  mapping: z.string().max(1_000_000),
  savedBy: z.string().min(1),
  savedAt: z.iso.datetime(),
});

export const query = recordQuery({ name: 'save-mapping', background: true, params, row: z.object({ headerKey: z.string() }) });
