// Parameters of identity-members.cypher.
import { z } from 'zod';
import { StableId } from '../../model.ts';
import { graphQuery } from '../define-query.ts';

const params = z.object({ ids: z.array(StableId).max(10_000) });

// Not the ids: they may name victims a redacted reader is not shown.
export const query = graphQuery({ name: 'identity-members', params, disclosed: { parameters: [], columns: [] } });
