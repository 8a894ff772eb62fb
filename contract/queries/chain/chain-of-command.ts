// Parameters of chain-of-command.cypher.
import { z } from 'zod';
import { AsOf, EntityId, rowLimit } from '../params.ts';

export const params = z.object({
  id: EntityId,
  /** Absent: every link ever recorded counts (the record is mostly 2014-2022, so "today" would cut it). */
  asOf: AsOf,
  limit: rowLimit(200, 50),
});
