// Parameters of begin-import.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  importId: z.string().min(1),
  fileName: z.string().min(1),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  rowCount: z.number().int().min(0).nullable(),
  startedAt: z.iso.datetime(),
  importedBy: z.string().min(1),
});

export const query = recordQuery({
  name: 'begin-import',
  background: true,
  params,
  row: z.object({ committedBatches: z.number().int(), status: z.string(), finishedAt: z.string().nullable() }),
});
