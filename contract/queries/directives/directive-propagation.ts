// Parameters of directive-propagation.cypher.
import { z } from 'zod';
import { EntityId, rowLimit } from '../params.ts';

export const params = z.object({ id: EntityId, limit: rowLimit(1_000, 200) });
