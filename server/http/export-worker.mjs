// Entry of the export worker threads (server/http/export-workers.ts): Node 20 does not give workers
// the main thread's TypeScript loader, so the worker registers tsx itself before loading its tasks.
import { register } from 'tsx/esm/api';

register();
const tasks = await import('../export/render-worker.ts');

export const { validateSubmitted, render } = tasks;
