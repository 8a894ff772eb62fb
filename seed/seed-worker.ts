// Worker thread: generates the seed's batches and checks their nodes while the main thread checks the
// links of earlier ones and writes them, so the CPU work of the rows is shared by both cores.
import { parentPort, workerData } from 'node:worker_threads';
import { seedPartsAsText } from './seed-batches.ts';
import type { ScaleName } from './synthetic.ts';

const { scale, batchRows } = workerData as { scale: ScaleName; batchRows: number };
const port = parentPort!;
const batches = seedPartsAsText(scale, batchRows);

// The main thread asks for each batch: at most one batch waits in the channel, so memory stays flat.
port.on('message', (message: 'next' | 'stop') => {
  if (message === 'stop') return port.close();
  const next = batches.next();
  port.postMessage(next.done ? { done: true } : { done: false, batch: next.value });
});
