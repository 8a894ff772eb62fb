// Parameters of view-elements.cypher.
import { z } from 'zod';
import { StableId } from '../../model.ts';
import { MAX_VIEW_EDGES, MAX_VIEW_NODES } from './ceilings.ts';
import { graphQuery } from '../define-query.ts';

const params = z.object({
  nodeIds: z.array(StableId).max(MAX_VIEW_NODES),
  edgeIds: z.array(StableId).max(MAX_VIEW_EDGES),
  limit: z.number().int().min(1).max(MAX_VIEW_NODES).default(MAX_VIEW_NODES),
});

// Not the ids: a view's ids may name elements its graph withholds from the reader (a victim's village).
export const query = graphQuery({ name: 'view-elements', params, disclosed: { parameters: ['limit'], columns: [] } });
