// Entry of the export worker threads (server/export/render-pool.ts): Node 20 does not give workers
// the main thread's TypeScript loader, so the worker registers tsx itself before loading its tasks.
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./render-worker.ts');

export const { validateSubmitted, render } = tasks;
