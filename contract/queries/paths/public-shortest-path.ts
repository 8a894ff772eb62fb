// Parameters of public-shortest-path.cypher: those of shortest-path, which it stands in for when the reader is redacted.
import { graphQuery } from '../define-query.ts';
import { params } from './shortest-path.ts';

export const query = graphQuery({
  name: 'public-shortest-path',
  params,
  disclosed: { parameters: ['fromId', 'toId', 'types', 'maxDepth'], columns: ['hops'] },
});
