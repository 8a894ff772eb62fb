// Parameters of facility-profile.cypher.
import { z } from 'zod';
import { EntityId } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({ id: EntityId, guardSample: z.number().int().min(0).max(500).default(25) });

export const query = evidenceQuery({ name: 'facility-profile', params });
