// Parameters of gazetteer-places.cypher: the importer reads the gazetteer once per import to link places.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({ limit: z.number().int().min(1).max(100_000) });

export const query = recordQuery({
  name: 'gazetteer-places',
  params,
  row: z.object({ id: z.string(), code: z.string(), level: z.string(), names: z.array(z.string()) }),
});
