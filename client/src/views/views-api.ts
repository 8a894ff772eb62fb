// Saved views over /api/views and exports over /api/export: every answer checked with zod, every failure an ApiError.
import { z } from 'zod';
import { Result } from '../../../cypher/result.ts';
import { ViewElements, ViewContent } from '../../../server/views/saved-view.ts';
import { ApiError, csrfHeader, toApiError } from '../api.ts';

export const Visibility = z.enum(['private', 'shared']);
export type Visibility = z.infer<typeof Visibility>;

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
  return send('POST', '/api/views', Saved, content);
}

/** A new version of `id`; 409 (an ApiError) when someone saved another version after `baseVersion`. */
export function saveVersion(id: string, baseVersion: number, content: ViewBody): Promise<Saved> {
  return send('PUT', `/api/views/${encodeURIComponent(id)}`, Saved, { baseVersion, ...content });
}

export function listViews(scope: 'all' | 'mine', offset = 0, limit = 50): Promise<ViewList> {
  return send('GET', `/api/views?${new URLSearchParams({ scope, offset: String(offset), limit: String(limit) })}`, ViewList);
}

export function openView(id: string): Promise<Opened> {
  return send('GET', `/api/views/${encodeURIComponent(id)}`, Opened);
}

export function openVersion(id: string, version: number): Promise<Opened> {
  return send('GET', `/api/views/${encodeURIComponent(id)}/versions/${version}`, Opened);
}

export function openShared(shareId: string): Promise<Opened> {
  return send('GET', `/api/views/shared/${encodeURIComponent(shareId)}`, Opened);
}

export function listVersions(id: string): Promise<VersionList> {
  return send('GET', `/api/views/${encodeURIComponent(id)}/versions`, VersionList);
}

export async function setVisibility(id: string, visibility: Visibility): Promise<SavedView> {
  return (await send('PUT', `/api/views/${encodeURIComponent(id)}/visibility`, VisibilityChanged, { visibility })).view;
}

export async function deleteView(id: string): Promise<void> {
  await send('DELETE', `/api/views/${encodeURIComponent(id)}`, null);
}

/** Runs a curated query of the catalogue, as a view names it. */
export function runQuery(name: string, params: Record<string, unknown>): Promise<Result> {
  return send('POST', `/api/queries/${encodeURIComponent(name)}`, Result, { params });
}

export function fetchNodeDetails(id: string): Promise<Result> {
  return send('GET', `/api/nodes/${encodeURIComponent(id)}`, Result);
}

export type ServerExportFormat = 'cytoscape' | 'graphml' | 'csv' | 'report';

/** The server formats what the client shows; the file name comes from its Content-Disposition. */
export async function exportResult(result: Result, format: ServerExportFormat, part?: 'nodes' | 'edges'): Promise<{ blob: Blob; fileName: string | null }> {
  const search = part ? `?${new URLSearchParams({ part })}` : '';
  const response = await request('POST', `/api/export/${format}${search}`, { result });
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

/** `attachment; filename="x.csv"`: the server's names are ASCII (server/export/formats.ts). */
export function fileNameOf(disposition: string | null): string | null {
  const match = disposition?.match(/filename="([^"]+)"/) ?? disposition?.match(/filename=([^;]+)/);
  return match?.[1]?.trim() ?? null;
}

async function send<T>(method: string, path: string, schema: z.ZodType<T> | null, body?: unknown): Promise<T> {
  const response = await request(method, path, body);
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError(response.status, 'Unexpected answer', `The server's answer to ${method} ${path} is not what the client expects: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

async function request(method: string, path: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }), ...(method === 'GET' ? {} : csrfHeader()) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      // Saved views name detainees: nothing of them should stay in the browser's HTTP cache.
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'Server unreachable', 'The xpf-explorer server did not answer. Is it running?');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}
