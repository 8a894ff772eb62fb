// Parameters of retract-import-elements.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { Retraction } from './undo-params.ts';

const params = z.object({
  nodes: z.array(Retraction).max(50_000),
  relationships: z.array(Retraction).max(50_000),
  importId: z.string().min(1),
});

export const query = recordQuery({ name: 'retract-import-elements', params, row: z.object({ retracted: z.number().int() }) });
