// What an export worker thread runs (entry: export-worker.mjs), so the event loop only passes bytes in
// and out: a submitted body read, checked, withheld for its reader and rendered in one task (each
// step takes CPU in proportion to the body: seconds at the limits), or a Result the server made rendered.
import type { ExportFormat } from '../../contract/api/export.ts';
import type { Result } from '../../contract/result.ts';
import type { RenderOptions } from '../export/formats.ts';
import { render, validateSubmitted, type Checked } from '../export/render-worker.ts';
import { withhold, type WithholdOptions } from '../policy/withhold.ts';
import { fingerprintGraph } from '../queries/fingerprint.ts';

/** A rendered file, UTF-8 encoded here so the event loop does not encode megabytes. */
export interface Rendered {
  bytes: Uint8Array;
  /** The query the file is named after, as its reader may see it (withheld `meta.query`). */
  query: string;
}

export type SubmittedExport =
  | Exclude<Checked, { kind: 'ok' }>
  | (Rendered & {
      kind: 'ok';
      /** What the audit entry records of the body as submitted: its query and its node ids. */
      submitted: { query: string; nodeIds: string[] };
    });

export interface SubmittedTask {
  body: Uint8Array;
  format: ExportFormat;
  options: RenderOptions;
  /** The reader's withholding, decided by the policy layer (policy/evidence-answers.ts) and applied by withhold() itself. */
  withholding: WithholdOptions;
  /** Each evidence query's title by name, for the report's heading (the worker has no catalogue). */
  queryTitles: Readonly<Record<string, string>>;
}

async function encoded(format: ExportFormat, result: Result, options: RenderOptions): Promise<Rendered> {
  const file = await render({ format, result, options });
  // A PDF comes as bytes already; text formats are encoded here, off the event loop.
  return { bytes: typeof file === 'string' ? new TextEncoder().encode(file) : file, query: result.meta.query };
}

export async function exportSubmitted({ body, format, options, withholding, queryTitles }: SubmittedTask): Promise<SubmittedExport> {
  const checked = validateSubmitted({ body });
  if (checked.kind !== 'ok') return checked;
  const submitted = checked.result;
  const disclosed = withhold(submitted, withholding);
  const stamped: RenderOptions = { ...options, queryTitle: queryTitles[disclosed.meta.query], ...reportStamp(format, disclosed) };
  return {
    kind: 'ok',
    ...(await encoded(format, disclosed, stamped)),
    submitted: { query: submitted.meta.query, nodeIds: submitted.nodes.map((node) => node.id) },
  };
}

/**
 * The graph-state fingerprint a report is stamped with, only for the formats that print it: hashing
 * every element is work in proportion to the body, spent only where it is read. Of what this reader
 * was given: a digest of withheld values would let anyone test guesses at them.
 */
export function reportStamp(format: ExportFormat, disclosed: Result): { fingerprint?: string } {
  return format === 'report' || format === 'pdf' ? { fingerprint: fingerprintGraph(disclosed) } : {};
}

export function renderResult({ format, result, options }: { format: ExportFormat; result: Result; options: RenderOptions }): Promise<Rendered> {
  return encoded(format, result, options);
}
