// Parameters of starting-points.cypher.
import { z } from 'zod';
import { rowLimit } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({ limit: rowLimit(5, 1) });

export const query = evidenceQuery({ name: 'starting-points', params, disclosed: { parameters: ['limit'], columns: [] } });
