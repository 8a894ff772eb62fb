// Parameters of photo-file.cypher.
import { z } from 'zod';
import { EntityId } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({ id: EntityId });

export const query = evidenceQuery({ name: 'photo-file', params, disclosed: { parameters: ['id'], columns: [] } });
