// Parameters of match-candidates.cypher.
import { z } from 'zod';
import { Json } from '../../result.ts';
import { recordQuery } from '../define-query.ts';
import { keywordTerm } from '../params.ts';

const params = z.object({
  ids: z.array(z.string().min(1)).max(10_000),
  idNumbers: z.array(z.string().min(1)).max(10_000),
  // Each key looked up as one exact term of entityMatchKeys: quoted here, so no caller can forget to.
  matchKeys: z.array(z.string().min(1).transform(keywordTerm)).max(10_000),
  perName: z.number().int().min(1).max(100),
  limit: z.number().int().min(1).max(200_000),
  people: z.array(z.object({ birthDate: z.string().min(1), keys: z.array(z.string().min(1)).min(1) }).strict()).max(10_000),
});

export const query = recordQuery({
  name: 'match-candidates',
  params,
  row: z.object({ id: z.string(), labels: z.array(z.string()), via: z.enum(['id', 'idNumber', 'name']), properties: z.record(z.string(), Json) }),
});
