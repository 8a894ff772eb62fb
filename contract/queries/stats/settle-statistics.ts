// Parameters of settle-statistics.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({ timeoutSeconds: z.number().int().min(1).max(3_600) });

export const query = recordQuery({ name: 'settle-statistics', params, row: z.object({}), warm: false });
