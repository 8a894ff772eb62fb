// Parameters of create-nodes.cypher: the same rows as merge-nodes.
export { params } from './merge-nodes.ts';
