// The answers of /api/views, as the server writes them and the client reads them.
import { z } from 'zod';
import { Result } from '../result.ts';
import { ViewRecordRow } from '../queries/views/view-params.ts';
import { ViewContent, ViewElements } from './saved-view.ts';

/** A view's record with its stable links: the share link is the same for every version and title. */
export const SavedView = ViewRecordRow.extend({
  links: z.object({ share: z.string(), api: z.string() }),
});
export type SavedView = z.infer<typeof SavedView>;

export const VersionInfo = z.object({ version: z.number().int(), savedAt: z.string(), author: z.string(), title: z.string() });
export type VersionInfo = z.infer<typeof VersionInfo>;

/** What the client wrote, as the server keeps it (without the server's fingerprints). */
export const ViewDocument = ViewContent;
export type ViewDocument = z.infer<typeof ViewDocument>;

/** What changed in the graph since a view's version was saved. */
export const ViewChanges = z.object({
  /** When the compared version was saved: every change below is since then. */
  since: z.string(),
  /** In the view, no longer in the graph (or no longer between the view's nodes). */
  removed: ViewElements,
  /** Still in the graph, with other labels, type, ends or properties than when saved. */
  changed: ViewElements,
  /** Still in the graph, but saved without a fingerprint (a schemaVersion 0 document): cannot tell. */
  unverified: ViewElements,
  /** Returned by the view's query now, not in the view. Null when the query cannot be re-run. */
  added: ViewElements.nullable(),
  /** Why `added` is null. */
  addedUnknownBecause: z.string().optional(),
});
export type ViewChanges = z.infer<typeof ViewChanges>;

export const SavedAnswer = z.object({ view: SavedView, version: VersionInfo, document: ViewDocument });
export type SavedAnswer = z.infer<typeof SavedAnswer>;

/** `graph`: the view's elements as the graph has them now, plus what its query adds, redacted for this reader. */
export const OpenedAnswer = SavedAnswer.extend({ changes: ViewChanges, graph: Result });
export type OpenedAnswer = z.infer<typeof OpenedAnswer>;

export const ViewScope = z.enum(['all', 'mine']);

export const ViewListAnswer = z.object({ views: z.array(SavedView), scope: ViewScope, offset: z.number(), limit: z.number(), more: z.boolean() });
export type ViewListAnswer = z.infer<typeof ViewListAnswer>;

export const VersionListAnswer = z.object({ view: SavedView, versions: z.array(VersionInfo) });
export type VersionListAnswer = z.infer<typeof VersionListAnswer>;
