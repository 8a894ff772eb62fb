// Worker thread: generates and validates the seed's batches while the main thread writes earlier
// ones, so the CPU work of the rows overlaps Neo4j's writes instead of adding to them.
import { parentPort, workerData } from 'node:worker_threads';
import { seedBatches } from './seed-batches.ts';
import type { ScaleName } from './synthetic.ts';

const { scale, batchRows } = workerData as { scale: ScaleName; batchRows: number };
const port = parentPort!;
const batches = seedBatches(scale, batchRows);

// The main thread asks for each batch: at most one batch waits in the channel, so memory stays flat.
port.on('message', (message: 'next' | 'stop') => {
  if (message === 'stop') return port.close();
  const next = batches.next();
  port.postMessage(next.done ? { done: true } : { done: false, batch: next.value });
});
