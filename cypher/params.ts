// Parameter schemas shared by several curated queries, so each rule and its message is written once.
import { StableId } from './model.ts';

/** A node's stable id as a query parameter: the model's own rule. */
export const EntityId = StableId;
