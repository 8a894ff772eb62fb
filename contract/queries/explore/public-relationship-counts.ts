// Parameters of public-relationship-counts.cypher: those of relationship-counts, which it stands in for when the reader is redacted.
import { graphQuery } from '../define-query.ts';
import { params } from './relationship-counts.ts';

// The counts are of links a redacted reader receives: the one source of relationshipCounts such a reader is sent.
export const query = graphQuery({ name: 'public-relationship-counts', params, disclosed: { parameters: ['id'], columns: ['relationshipCounts'] } });
