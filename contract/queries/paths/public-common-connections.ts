// Parameters of public-common-connections.cypher: those of common-connections, which it stands in for when the reader is redacted.
import { graphQuery } from '../define-query.ts';
import { params } from './common-connections.ts';

export const query = graphQuery({ name: 'public-common-connections', params, disclosed: { parameters: ['ids', 'limit'], columns: [] } });
