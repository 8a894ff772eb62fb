// Parameters of facility-profile.cypher.
import { z } from 'zod';
import { EntityId } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({ id: EntityId, guardSample: z.number().int().min(0).max(500).default(25) });

// Not `byReason`: the reason a record gives for a detention is the detainee's own, withheld from their links too.
// Nor `byAgeBand`: age is a detainee's personal data, and a band of one at a small facility says it.
export const query = evidenceQuery({
  name: 'facility-profile',
  params,
  disclosed: { parameters: ['id', 'guardSample'], columns: ['detentions', 'guards', 'byYear'] },
});
