// Collects generated rows into batches of about `batchRows` rows, handed out as the phases fill them.
import type { z } from 'zod';
import type { NodeRow, RelationshipRow } from '../../contract/graph-rows.ts';

export type NodeInput = z.input<typeof NodeRow>;
export type RelationshipInput = z.input<typeof RelationshipRow>;

export interface RawBatch {
  nodes: NodeInput[];
  relationships: RelationshipInput[];
}

export const SYNTHETIC_COLLECTION = 'Synthetic records (generated, not from the leak)';

/** Spread into every generated node and link, so the API and the UI can say it is synthetic. */
export const syntheticMark = { synthetic: true, confidence: 'confirmed' as const };

export class BatchWriter {
  private batch: RawBatch = { nodes: [], relationships: [] };

  constructor(private readonly batchRows: number) {}

  pushNodes(...rows: NodeInput[]): void {
    this.batch.nodes.push(...rows);
  }

  pushRelationships(...rows: RelationshipInput[]): void {
    this.batch.relationships.push(...rows);
  }

  /**
   * Hands out the batch once it holds `batchRows` rows. Phases call it only between whole units (a
   * village, a guard, a detainee with their household), so each batch's links point only at nodes
   * of the same or earlier batches and the batches can be written in order.
   */
  *flushIfFull(): Generator<RawBatch, void, undefined> {
    if (this.batch.nodes.length + this.batch.relationships.length >= this.batchRows) {
      yield this.batch;
      this.batch = { nodes: [], relationships: [] };
    }
  }

  /** Hands out whatever is left at the end, if anything. */
  *flushRest(): Generator<RawBatch, void, undefined> {
    if (this.batch.nodes.length + this.batch.relationships.length > 0) yield this.batch;
    this.batch = { nodes: [], relationships: [] };
  }
}
