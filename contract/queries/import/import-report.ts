// Parameters of import-report.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({ id: z.string().min(1) });

export const query = recordQuery({
  name: 'import-report',
  params,
  row: z.object({ report: z.string().nullable(), fileName: z.string(), status: z.string() }),
});
