// Parameters and rows of schema-state.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({ limit: z.number().int().min(1).max(10_000) });

export const query = recordQuery({
  name: 'schema-state',
  params,
  row: z.object({ name: z.string(), state: z.string(), owningConstraint: z.string().nullable() }),
});
