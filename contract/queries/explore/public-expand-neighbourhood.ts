// Parameters of public-expand-neighbourhood.cypher: those of expand-neighbourhood, which it stands in for when the reader is redacted.
import { graphQuery } from '../define-query.ts';
import { params } from './expand-neighbourhood.ts';

export const query = graphQuery({
  name: 'public-expand-neighbourhood',
  params,
  disclosed: { parameters: ['id', 'types', 'direction', 'limit'], columns: [] },
});
