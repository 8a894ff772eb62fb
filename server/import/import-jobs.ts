// Imports started from the browser run here, after the request that started them has answered:
// the browser polls their progress (rows, rows/s, time left), may cancel them, and downloads the
// report when they end. Kept in memory: a restart forgets the jobs, never what they wrote (the
// `_Import` record and the history keep that).
import { randomUUID } from 'node:crypto';
import type { MappingDocument } from '../../contract/api/import-mapping.ts';
import type { ImportProgress } from '../../contract/api/imports.ts';
import { outsideBudget } from '../graph/budget.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import { runMappedImport } from './engine/mapped-import.ts';
import { EncodingError } from './source/decode-text.ts';
import type { Upload } from './uploads.ts';

export interface ImportJob {
  id: string;
  ownerId: string;
  progress: ImportProgress;
  controller: AbortController;
  done: Promise<void>;
}

/** Finished jobs are forgotten after this long. */
const KEEP_MS = 60 * 60 * 1000;

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(
    private readonly graph: GraphExecutor,
    private readonly log: (line: string) => void,
    private readonly maxUncompressedBytes: number,
  ) {}

  /** Starts checking (dryRun) or importing an upload; answers at once with the job. */
  start(upload: Upload, mapping: MappingDocument, who: { id: string; username: string }, dryRun: boolean, onFinish?: (job: ImportJob) => void): ImportJob {
    const controller = new AbortController();
    const job: ImportJob = {
      id: randomUUID(),
      ownerId: who.id,
      controller,
      progress: { state: 'reading', rows: 0, totalRows: null, rowsPerSecond: 0, secondsLeft: null },
      done: Promise.resolve(),
    };
    this.jobs.set(job.id, job);
    // Outside the request's budget: the import outlives the request that started it.
    job.done = outsideBudget(() =>
      runMappedImport(this.graph, {
        path: upload.path,
        name: upload.name,
        mapping,
        who: who.username,
        dryRun,
        matchBeforeWriting: dryRun,
        maxUncompressedBytes: this.maxUncompressedBytes,
        encodingOption: 'the encoding field',
        signal: controller.signal,
        onProgress: (progress) => (job.progress = { ...progress, state: progress.state }),
      }),
    ).then(
      (result) => {
        job.progress = { ...job.progress, state: result.status, importId: result.importId, report: result.report, secondsLeft: 0 };
        onFinish?.(job);
      },
      (error: unknown) => {
        const encodingGuess = error instanceof EncodingError ? error.guess : null;
        job.progress = {
          ...job.progress,
          state: 'failed',
          message: error instanceof Error ? error.message : String(error),
          ...(encodingGuess && { encodingGuess }),
        };
        if (!(error instanceof Error && ['EncodingError', 'HeaderError'].includes(error.name))) this.log(`import job ${job.id} failed: ${String(error)}`);
      },
    );
    setTimeout(() => this.jobs.delete(job.id), KEEP_MS).unref();
    return job;
  }

  get(id: string, ownerId: string): ImportJob | null {
    const job = this.jobs.get(id);
    return job && job.ownerId === ownerId ? job : null;
  }
}
