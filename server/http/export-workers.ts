// The export worker threads (tasks in server/export/render-worker.ts), one pool per process: checking a
// submitted body and rendering a file happen there, so a large export never blocks the event loop.
// Each task runs inside the request's budget: a client that leaves, or a deadline that passes,
// ends the task (Piscina stops its thread) instead of letting it finish for nobody.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Result } from '../../contract/result.ts';
import { BadInput, ExportTooLarge, ExportUnavailable, RequestCancelled } from '../errors.ts';
import { currentBudget } from '../graph/budget.ts';
import type { ExportFormat } from '../../contract/api/export.ts';
import type { RenderOptions } from '../export/formats.ts';
import type { Checked } from '../export/render-worker.ts';

let pool: Piscina | undefined;

function renderPool(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./export-worker.mjs', import.meta.url).href,
    // One core is left to the event loop and Neo4j: exports wait their turn rather than starve them.
    maxThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
    minThreads: 0,
    // A warm thread serves the next export without loading the loader and the model again.
    idleTimeout: 60_000,
    // Past this many waiting exports a new one is refused (503) at once: the queue is bounded too.
    maxQueue: 16,
  });
  return pool;
}

/** Runs one task inside the current request's budget (or unbounded outside a request). */
async function runTask<T>(name: 'validateSubmitted' | 'render', task: unknown): Promise<T> {
  const budget = currentBudget();
  const deadline = budget ? AbortSignal.timeout(Math.max(0, budget.deadline - Date.now())) : undefined;
  const signal = budget && deadline ? AbortSignal.any([budget.signal, deadline]) : undefined;
  try {
    return (await renderPool().run(task, { name, signal })) as T;
  } catch (error) {
    if (budget?.signal.aborted) throw new RequestCancelled();
    if (deadline?.aborted) throw new ExportUnavailable(504, 'The export took longer than this server allows for one request; export fewer elements.');
    if (/queue is at limit/i.test(String((error as Error)?.message))) {
      throw new ExportUnavailable(503, 'Too many exports are being prepared right now; try again shortly.');
    }
    throw error;
  }
}

/** A submitted body (raw JSON bytes) read and checked against the export limits: 400 naming each field, 413 naming the limit. */
export async function checkSubmitted(body: Uint8Array): Promise<Result> {
  const checked = await runTask<Checked>('validateSubmitted', { body });
  if (checked.kind === 'bad-input') throw new BadInput(checked.errors);
  if (checked.kind === 'too-large') throw new ExportTooLarge(checked.detail);
  return checked.result;
}

export async function renderExport(format: ExportFormat, result: Result, options: RenderOptions): Promise<string> {
  return runTask<string>('render', { format, result, options });
}
