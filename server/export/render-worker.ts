// The export work that takes CPU in proportion to a submitted body, run in a worker thread so the
// event loop keeps answering health and other users: reading and checking the body against the
// export limits, and rendering a file. Withholding and the audit stay on the main thread, in the
// policy layer every answer leaves through.
import { exportLimits, ExportBody, type ExportFormat } from '../../contract/api/export.ts';
import type { FieldProblem } from '../../contract/api/problem.ts';
import type { Result } from '../../contract/result.ts';
import { BadInput } from '../errors.ts';
import { nestsDeeperThan } from '../json-limits.ts';
import { exportFormats, type RenderOptions } from './formats.ts';

export type Checked = { kind: 'ok'; result: Result } | { kind: 'bad-input'; errors: FieldProblem[] } | { kind: 'too-large'; detail: string };

const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);

export function validateSubmitted({ body }: { body: Uint8Array }): Checked {
  if (nestsDeeperThan(body, exportLimits.nesting)) {
    return { kind: 'bad-input', errors: [{ field: '(body)', reason: `nests deeper than ${exportLimits.nesting} levels` }] };
  }
  let parsed: { result?: { nodes?: unknown; edges?: unknown } };
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return { kind: 'bad-input', errors: [{ field: '(body)', reason: 'is not valid JSON in UTF-8' }] };
  }
  // Counted before the element-by-element check, which would take seconds on a body far past the limit.
  const elements = count(parsed?.result?.nodes) + count(parsed?.result?.edges);
  if (elements > exportLimits.elements) {
    return {
      kind: 'too-large',
      detail: `An export holds at most ${exportLimits.elements.toLocaleString('en')} nodes and relationships together; this one has ${elements.toLocaleString('en')}.`,
    };
  }
  const checked = ExportBody.safeParse(parsed);
  // The first problems say what is wrong; twenty thousand of them would be a second oversized body.
  if (!checked.success) return { kind: 'bad-input', errors: BadInput.fromZod(checked.error).errors!.slice(0, 50) };
  return { kind: 'ok', result: checked.data.result as Result };
}

export function render({ format, result, options }: { format: ExportFormat; result: Result; options: RenderOptions }): string {
  return exportFormats[format].render(result, options);
}
