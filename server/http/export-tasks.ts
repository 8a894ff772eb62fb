// What an export worker thread runs (entry: export-worker.mjs), so the event loop only passes bytes in
// and out: a submitted body read, checked, withheld for its reader and rendered in one task (each
// step takes CPU in proportion to the body: seconds at the limits), or a Result the server made rendered.
import type { ExportFormat } from '../../contract/api/export.ts';
import type { Result } from '../../contract/result.ts';
import type { RenderOptions } from '../export/formats.ts';
import { render, validateSubmitted, type Checked } from '../export/render-worker.ts';
import { withhold, type WithholdOptions } from '../policy/withhold.ts';

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
}

function encoded(format: ExportFormat, result: Result, options: RenderOptions): Rendered {
  return { bytes: new TextEncoder().encode(render({ format, result, options })), query: result.meta.query };
}

export function exportSubmitted({ body, format, options, withholding }: SubmittedTask): SubmittedExport {
  const checked = validateSubmitted({ body });
  if (checked.kind !== 'ok') return checked;
  const submitted = checked.result;
  return {
    kind: 'ok',
    ...encoded(format, withhold(submitted, withholding), options),
    submitted: { query: submitted.meta.query, nodeIds: submitted.nodes.map((node) => node.id) },
  };
}

export function renderResult({ format, result, options }: { format: ExportFormat; result: Result; options: RenderOptions }): Rendered {
  return encoded(format, result, options);
}
