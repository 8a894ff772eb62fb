// Saved views over /api/views and exports over /api/export: every answer checked with zod, every failure an ApiError.
import { z } from 'zod';
import { Result } from '../../../contract/result.ts';
import { ViewElements, ViewContent } from '../../../contract/api/saved-view.ts';
import { Visibility } from '../../../contract/queries/views/view-params.ts';
import { requestJson, requestRaw } from '../api.ts';

export const SavedView = z.object({
  id: z.string(),
  shareId: z.string(),
  title: z.string(),
  author: z.string(),
  owner: z.string().nullable(),
  visibility: Visibility,
  createdAt: z.string(),
  updatedAt: z.string(),
  currentVersion: z.number().int(),
  links: z.object({ share: z.string(), api: z.string() }),
});
export type SavedView = z.infer<typeof SavedView>;

export const VersionInfo = z.object({ version: z.number().int(), savedAt: z.string(), author: z.string(), title: z.string() });
export type VersionInfo = z.infer<typeof VersionInfo>;

/** What the client wrote, as the server keeps it (without the server's fingerprints). */
export const ViewDocument = ViewContent;
export type ViewDocument = z.infer<typeof ViewDocument>;

/** Mirrors ViewChanges in server/views/diff.ts. */
export const ViewChanges = z.object({
  since: z.string(),
  removed: ViewElements,
  changed: ViewElements,
  unverified: ViewElements,
  added: ViewElements.nullable(),
  addedUnknownBecause: z.string().optional(),
});
export type ViewChanges = z.infer<typeof ViewChanges>;

const Saved = z.object({ view: SavedView, version: VersionInfo, document: ViewDocument });
export type Saved = z.infer<typeof Saved>;

/** `graph`: the view's elements as the graph has them now, plus what its query adds, redacted for this reader. */
const Opened = Saved.extend({ changes: ViewChanges, graph: Result });
export type Opened = z.infer<typeof Opened>;

const ViewList = z.object({ views: z.array(SavedView), scope: z.enum(['all', 'mine']), offset: z.number(), limit: z.number(), more: z.boolean() });
export type ViewList = z.infer<typeof ViewList>;

const VersionList = z.object({ view: SavedView, versions: z.array(VersionInfo) });
export type VersionList = z.infer<typeof VersionList>;

const VisibilityChanged = z.object({ view: SavedView });

/** The body of a save: ViewContent as the server reads it (title, notes, query, elements, positions...). */
export type ViewBody = z.input<typeof ViewContent>;

export function createView(content: ViewBody): Promise<Saved> {
  return requestJson('POST', '/api/views', Saved, { body: content });
}

/** A new version of `id`; 409 (an ApiError) when someone saved another version after `baseVersion`. */
export function saveVersion(id: string, baseVersion: number, content: ViewBody): Promise<Saved> {
  return requestJson('PUT', `/api/views/${encodeURIComponent(id)}`, Saved, { body: { baseVersion, ...content } });
}

export function listViews(scope: 'all' | 'mine', offset = 0, limit = 50): Promise<ViewList> {
  return requestJson('GET', `/api/views?${new URLSearchParams({ scope, offset: String(offset), limit: String(limit) })}`, ViewList);
}

export function openView(id: string): Promise<Opened> {
  return requestJson('GET', `/api/views/${encodeURIComponent(id)}`, Opened);
}

export function openVersion(id: string, version: number): Promise<Opened> {
  return requestJson('GET', `/api/views/${encodeURIComponent(id)}/versions/${version}`, Opened);
}

export function openShared(shareId: string): Promise<Opened> {
  return requestJson('GET', `/api/views/shared/${encodeURIComponent(shareId)}`, Opened);
}

export function listVersions(id: string): Promise<VersionList> {
  return requestJson('GET', `/api/views/${encodeURIComponent(id)}/versions`, VersionList);
}

export async function setVisibility(id: string, visibility: Visibility): Promise<SavedView> {
  return (await requestJson('PUT', `/api/views/${encodeURIComponent(id)}/visibility`, VisibilityChanged, { body: { visibility } })).view;
}

export async function deleteView(id: string): Promise<void> {
  await requestJson('DELETE', `/api/views/${encodeURIComponent(id)}`, null);
}

export type ServerExportFormat = 'cytoscape' | 'graphml' | 'csv' | 'report';

/** The server formats what the client shows; the file name comes from its Content-Disposition. */
export async function exportResult(result: Result, format: ServerExportFormat, part?: 'nodes' | 'edges'): Promise<{ blob: Blob; fileName: string | null }> {
  const search = part ? `?${new URLSearchParams({ part })}` : '';
  const response = await requestRaw('POST', `/api/export/${format}${search}`, { body: { result } });
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

/** `attachment; filename="x.csv"`: the server's names are ASCII (server/export/formats.ts). */
function fileNameOf(disposition: string | null): string | null {
  const match = disposition?.match(/filename="([^"]+)"/) ?? disposition?.match(/filename=([^;]+)/);
  return match?.[1]?.trim() ?? null;
}
