// A seed's progress in words, for start-up and `npm run seed`: rows so far and rows per second, or the
// offline importer's stage; the caller decides when to print (server/phases.ts).
import type { GraphBatch } from '../../contract/graph-rows.ts';
import type { BulkLoadProgress } from './bulk-load.ts';

export class SeedProgress {
  private rows = 0;
  private readonly started = performance.now();

  constructor(private readonly say: (status: string) => void) {}

  private rate(rows: number): string {
    const seconds = (performance.now() - this.started) / 1000;
    return `${rows.toLocaleString('en')} rows, ${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s`;
  }

  /** The online path's callback (loadSeed, runImport): one committed batch. */
  readonly batchWritten = (_index: number, batch: GraphBatch): void => {
    this.rows += batch.nodes.length + batch.relationships.length;
    this.say(`Seeding through transactions: ${this.rate(this.rows)}…`);
  };

  /** The offline path's callback (bulkLoad): rows spelt as CSV, then Neo4j's importer at work. */
  readonly bulkProgress = (progress: BulkLoadProgress): void => {
    if (progress.stage === 'writing') {
      this.rows = progress.rows;
      this.say(`Seeding through Neo4j's offline importer: writing its input, ${this.rate(progress.rows)}…`);
    } else {
      const where = progress.done === null ? `"${progress.step}"` : `"${progress.step}", ${progress.done} so far`;
      this.say(`Seeding through Neo4j's offline importer: ${this.rows.toLocaleString('en')} rows written, the importer at ${where}…`);
    }
  };
}
