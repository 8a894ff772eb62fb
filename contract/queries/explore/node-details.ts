// Parameters of node-details.cypher.
import { z } from 'zod';
import { EntityId } from '../params.ts';

export const params = z.object({ id: EntityId });
