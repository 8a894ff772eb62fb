// Parameters of create-relationships.cypher: the same rows as merge-relationships, known to be new.
import { recordQuery } from '../define-query.ts';
import { params, query as merge } from './merge-relationships.ts';

export const query = recordQuery({ name: 'create-relationships', background: true, params, row: merge.row });
