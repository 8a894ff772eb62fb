// Parameters of public-all-shortest-paths.cypher: those of all-shortest-paths, which it stands in for when the reader is redacted.
import { graphQuery } from '../define-query.ts';
import { params } from './all-shortest-paths.ts';

export const query = graphQuery({
  name: 'public-all-shortest-paths',
  params,
  disclosed: { parameters: ['fromId', 'toId', 'types', 'maxDepth', 'limit'], columns: ['hops'] },
});
