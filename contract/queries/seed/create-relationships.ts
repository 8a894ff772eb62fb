// Parameters of create-relationships.cypher: the same rows as merge-relationships.
export { params } from './merge-relationships.ts';
