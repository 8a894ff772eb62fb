// Parameters of chain-of-command.cypher.
import { z } from 'zod';
import { AsOf, EntityId, rowLimit } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({
  id: EntityId,
  /** Absent: every link ever recorded counts (the record is mostly 2014-2022, so "today" would cut it). */
  asOf: AsOf,
  limit: rowLimit(200, 50),
});

export const query = evidenceQuery({
  name: 'chain-of-command',
  params,
  disclosed: { parameters: ['id', 'asOf', 'limit'], columns: ['strength', 'weakestLinkId', 'hops', 'hypothesisLinks', 'hypothesisChains'] },
});
