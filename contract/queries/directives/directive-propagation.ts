// Parameters of directive-propagation.cypher.
import { z } from 'zod';
import { EntityId, rowLimit } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({ id: EntityId, limit: rowLimit(1_000, 200) });

export const query = evidenceQuery({ name: 'directive-propagation', params, disclosed: { parameters: ['id', 'limit'], columns: ['leg'] } });
