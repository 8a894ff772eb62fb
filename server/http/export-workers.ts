// The export worker threads (tasks in export-tasks.ts), one pool per process: checking a submitted
// body, withholding it for its reader and rendering a file happen there, so a large export never
// blocks the event loop; only the body's bytes go in and the file's bytes come out.
// Each task runs inside the request's budget: a client that leaves, or a deadline that passes,
// ends the task (Piscina stops its thread) instead of letting it finish for nobody.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Result } from '../../contract/result.ts';
import { BadInput, ExportTooLarge, ExportUnavailable, RequestCancelled } from '../errors.ts';
import { currentBudget } from '../graph/budget.ts';
import type { ExportFormat } from '../../contract/api/export.ts';
import type { RenderOptions } from '../export/formats.ts';
import type { AuditNote } from '../policy/audit-log.ts';
import type { WithholdOptions } from '../policy/withhold.ts';
import type { Rendered, SubmittedTask, SubmittedExport } from './export-tasks.ts';

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
async function runTask<T>(name: 'exportSubmitted' | 'renderResult', task: unknown): Promise<T> {
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

/**
 * A submitted body (raw JSON bytes) read and checked against the export limits (400 naming each
 * field, 413 naming the limit), withheld as `withholding` says and rendered; with the audit note
 * of what was submitted, which the policy layer records before the file leaves.
 */
export async function exportSubmitted(
  body: Uint8Array,
  format: ExportFormat,
  options: RenderOptions,
  withholding: WithholdOptions,
  parameters: Record<string, unknown>,
  queryTitles: Readonly<Record<string, string>>,
): Promise<{ file: Rendered; note: AuditNote }> {
  const done = await runTask<SubmittedExport>('exportSubmitted', { body, format, options, withholding, queryTitles } satisfies SubmittedTask);
  if (done.kind === 'bad-input') throw new BadInput(done.errors);
  if (done.kind === 'too-large') throw new ExportTooLarge(done.detail);
  const { submitted, ...file } = done;
  return { file, note: { action: 'export', query: submitted.query, targetIds: submitted.nodeIds, parameters } };
}

/** A Result the server made and already withheld, rendered. */
export async function renderExport(format: ExportFormat, result: Result, options: RenderOptions): Promise<Rendered> {
  return runTask<Rendered>('renderResult', { format, result, options });
}
