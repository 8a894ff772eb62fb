// Parameters of list-imports.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({ limit: z.number().int().min(1).max(1000) });

/** As stored: `counts` is JSON text, absent on an import older than the history. */
export const StoredImport = z.object({
  id: z.string(),
  fileName: z.string(),
  checksum: z.string(),
  mappingName: z.string().nullish(),
  mapping: z.string().nullish(),
  importedBy: z.string(),
  durationMs: z.number().nullish(),
  status: z.string(),
  counts: z.string().nullish(),
  problems: z.number().nullish(),
  undoneBy: z.string().nullish(),
  startedAt: z.string().nullish(),
  finishedAt: z.string().nullish(),
  undoneAt: z.string().nullish(),
});

export const query = recordQuery({ name: 'list-imports', params, row: z.object({ entry: StoredImport }) });
