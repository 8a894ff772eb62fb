// Parameters of who-is-responsible.cypher.
import { z } from 'zod';
import { AsOf, EntityId, rowLimit } from '../params.ts';

export const params = z.object({ id: EntityId, asOf: AsOf, limit: rowLimit(500, 100) });
