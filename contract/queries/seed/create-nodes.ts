// Parameters of create-nodes.cypher: the same rows as merge-nodes, known to be new.
import { recordQuery } from '../define-query.ts';
import { params, query as merge } from './merge-nodes.ts';

export const query = recordQuery({ name: 'create-nodes', background: true, params, row: merge.row });
