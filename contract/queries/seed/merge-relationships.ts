// Parameters of merge-relationships.cypher.
import { z } from 'zod';
import { RelationshipRow } from '../../graph-rows.ts';
import { recordQuery } from '../define-query.ts';

export const params = z.object({ rows: z.array(RelationshipRow).max(50_000), importId: z.string().nullable().default(null) });

export const query = recordQuery({ name: 'merge-relationships', background: true, params, row: z.object({ written: z.number().int() }) });
