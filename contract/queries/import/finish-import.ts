// Parameters of finish-import.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  importId: z.string().min(1),
  mappingName: z.string().nullable(),
  mapping: z.string().nullable(),
  /** ElementCounts as JSON text: Neo4j stores no maps. */
  counts: z.string(),
  durationMs: z.number().int().min(0),
  problems: z.number().int().min(0),
  report: z.string().max(5_000_000),
});

export const query = recordQuery({ name: 'finish-import', background: true, params, row: z.object({ id: z.string() }) });
