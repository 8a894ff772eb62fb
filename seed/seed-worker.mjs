// Entry of the seed's worker thread: Node 20 does not give workers the main thread's TypeScript
// loader, so the worker registers tsx itself before loading seed-worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./seed-worker.ts');
