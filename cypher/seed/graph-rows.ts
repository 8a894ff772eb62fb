// The rows the seed and importer write: one node or relationship each, checked against model.ts.
import { z } from 'zod';
import { Json } from '../result.ts';
import { NodeLabel, RelationshipType } from '../model.ts';
import { EntityId } from '../params.ts';

export const NodeRow = z.object({
  id: EntityId,
  labels: z.array(NodeLabel).min(1),
  properties: z.record(z.string(), Json),
});
export type NodeRow = z.infer<typeof NodeRow>;

export const RelationshipRow = z.object({
  id: EntityId,
  type: RelationshipType,
  source: EntityId,
  target: EntityId,
  properties: z.record(z.string(), Json),
});
export type RelationshipRow = z.infer<typeof RelationshipRow>;
