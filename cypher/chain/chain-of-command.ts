// Parameters of chain-of-command.cypher.
import { z } from 'zod';
import { EntityId } from '../params.ts';

export const params = z.object({
  id: EntityId,
  /** Absent: every link ever recorded counts (the record is mostly 2014-2022, so "today" would cut it). */
  asOf: z.iso.date().nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
