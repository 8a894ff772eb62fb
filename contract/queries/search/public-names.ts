// Parameters of public-names.cypher: those of full-text-names, which it stands in for when the reader is redacted.
import { graphQuery } from '../define-query.ts';
import { params } from './full-text-names.ts';

export const query = graphQuery({ name: 'public-names', params, disclosed: { parameters: ['limit'], columns: [] } });
