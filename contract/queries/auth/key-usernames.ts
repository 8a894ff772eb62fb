// Parameters of key-usernames.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({});

export const query = recordQuery({
  name: 'key-usernames',
  params,
  row: z.object({ counts: z.object({ keyed: z.number().int(), collisions: z.number().int() }) }),
});
