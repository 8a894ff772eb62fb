// Parameters of node-details.cypher.
import { z } from 'zod';
import { EntityId } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({ id: EntityId });

export const query = evidenceQuery({ name: 'node-details', params, disclosed: { parameters: ['id'], columns: [] } });
