// The graph's key for protected people's ids (stable-ids.ts, protectedNodeId): made by the first
// import that asks, kept in the graph, so that the server, `npm run import` and any other process
// writing to the same Neo4j give a row the same id.
import { randomBytes } from 'node:crypto';
import { queries } from '../../../contract/queries/index.ts';
import type { GraphExecutor } from '../../graph/executor.ts';

export async function readNodeIdKey(graph: GraphExecutor): Promise<string> {
  const held = await graph.record(queries.nodeIdKey, { candidate: randomBytes(32).toString('hex') });
  if (!held) throw new Error('the graph kept no key for protected ids');
  return held.key;
}
