// Parameters of relationship-counts.cypher.
import { z } from 'zod';
import { EntityId } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

/** Shared with public-relationship-counts.ts: the same counts of the links a redacted reader receives. */
export const params = z.object({ id: EntityId });

// Counts only, per type and direction: what the node menu offers. They count links a redacted reader may not
// receive (a victim's relatives and home), so none is disclosed: such a reader is answered by public-relationship-counts.
export const query = evidenceQuery({ name: 'relationship-counts', params, disclosed: { parameters: ['id'], columns: [] } });
