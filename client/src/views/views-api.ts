// Saved views over /api/views and exports over /api/export: every answer checked with the contract's
// schemas (contract/api/views.ts), every failure an ApiError.
import type { z } from 'zod';
import type { CsvPart, ExportFormat } from '../../../contract/api/export.ts';
import type { ViewContent } from '../../../contract/api/saved-view.ts';
import { OpenedAnswer, SavedAnswer, type SavedView, VersionListAnswer, ViewListAnswer, type ViewScope } from '../../../contract/api/views.ts';
import type { Visibility } from '../../../contract/queries/views/view-params.ts';
import type { Result } from '../../../contract/result.ts';
import { requestJson, requestRaw } from '../api.ts';

/** PUT /api/views/:id/visibility answers with the view's record alone. */
const VisibilityAnswer = SavedAnswer.pick({ view: true });

/** The body of a save: ViewContent as the server reads it (title, notes, query, elements, positions...). */
export type ViewBody = z.input<typeof ViewContent>;

export function createView(content: ViewBody): Promise<SavedAnswer> {
  return requestJson('POST', '/api/views', SavedAnswer, { body: content });
}

/** A new version of `id`; 409 (an ApiError) when someone saved another version after `baseVersion`. */
export function saveVersion(id: string, baseVersion: number, content: ViewBody): Promise<SavedAnswer> {
  return requestJson('PUT', `/api/views/${encodeURIComponent(id)}`, SavedAnswer, { body: { baseVersion, ...content } });
}

export function listViews(scope: z.infer<typeof ViewScope>, signal?: AbortSignal): Promise<ViewListAnswer> {
  return requestJson('GET', `/api/views?${new URLSearchParams({ scope, offset: '0', limit: '50' })}`, ViewListAnswer, { signal });
}

export function openView(id: string): Promise<OpenedAnswer> {
  return requestJson('GET', `/api/views/${encodeURIComponent(id)}`, OpenedAnswer);
}

export function openVersion(id: string, version: number): Promise<OpenedAnswer> {
  return requestJson('GET', `/api/views/${encodeURIComponent(id)}/versions/${version}`, OpenedAnswer);
}

export function openShared(shareId: string): Promise<OpenedAnswer> {
  return requestJson('GET', `/api/views/shared/${encodeURIComponent(shareId)}`, OpenedAnswer);
}

export function listVersions(id: string): Promise<VersionListAnswer> {
  return requestJson('GET', `/api/views/${encodeURIComponent(id)}/versions`, VersionListAnswer);
}

export async function setVisibility(id: string, visibility: z.infer<typeof Visibility>): Promise<SavedView> {
  return (await requestJson('PUT', `/api/views/${encodeURIComponent(id)}/visibility`, VisibilityAnswer, { body: { visibility } })).view;
}

export async function deleteView(id: string): Promise<void> {
  await requestJson('DELETE', `/api/views/${encodeURIComponent(id)}`, null);
}

/** The server formats what the client shows; the file name comes from its Content-Disposition. */
export async function exportResult(result: Result, format: ExportFormat, part?: CsvPart): Promise<{ blob: Blob; fileName: string | null }> {
  const search = part ? `?${new URLSearchParams({ part })}` : '';
  const response = await requestRaw('POST', `/api/export/${format}${search}`, { body: { result } });
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

/**
 * The evidence report of a chain, made by the server from the graph (not from what the browser
 * holds): as of `asOf`, stamped with the open saved view's title and notes when `viewId` is given.
 */
export async function exportChainReport(
  id: string,
  format: 'report' | 'pdf',
  options: { asOf?: string | undefined; viewId?: string | undefined },
): Promise<{ blob: Blob; fileName: string | null }> {
  const search = new URLSearchParams();
  if (options.asOf) search.set('asOf', options.asOf);
  if (options.viewId) search.set('view', options.viewId);
  const query = search.size > 0 ? `?${search}` : '';
  const response = await requestRaw('GET', `/api/export/chain/${encodeURIComponent(id)}/${format}${query}`);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

/** `attachment; filename="x.csv"`: the server's names are ASCII (server/export/formats.ts). */
function fileNameOf(disposition: string | null): string | null {
  const match = disposition?.match(/filename="([^"]+)"/) ?? disposition?.match(/filename=([^;]+)/);
  return match?.[1]?.trim() ?? null;
}
