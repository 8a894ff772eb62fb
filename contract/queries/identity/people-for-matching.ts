// Parameters of people-for-matching.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({ after: z.string().max(200), limit: z.number().int().min(1).max(50_000) });

const text = z
  .string()
  .nullable()
  .transform((value) => value ?? undefined);

export const query = recordQuery({
  name: 'people-for-matching',
  params,
  row: z.object({
    id: z.string(),
    labels: z.array(z.string()),
    name: text,
    nameZh: text,
    pinyin: text,
    idNumber: text,
    birthDate: text,
    gender: text,
    places: z.array(z.string()),
  }),
});
