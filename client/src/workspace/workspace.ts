// The analyst's workspace: what the canvas shows and how, as one serialisable state. Saved views,
// share links, the autosave that survives a reload, undo/redo and the exports all read or restore
// this one shape, so none of them keeps a second idea of "what is on screen".
import type cytoscape from 'cytoscape';
import type { z } from 'zod';
import type { ViewFilters, ViewQuery, Viewport } from '../../../contract/api/saved-view.ts';
import type { Result } from '../../../contract/result.ts';

/** Cytoscape's camera: zoom and pan, as a saved view keeps it. */
export type WorkspaceViewport = z.infer<typeof Viewport>;
/** A model position (Cytoscape's, not the screen's). */
export type Point = WorkspaceViewport['pan'];

/** The saved view's filters: absent means "no filter"; `asOf` is the slider's date, which time-aware queries run as of. */
export type WorkspaceFilters = ViewFilters;

export interface WorkspaceState {
  /** The curated query that drew the graph (catalogue name and parameters as sent), null once edited by hand. */
  query: ViewQuery | null;
  /** Everything fetched that is on the canvas, merged: nodes, edges, paths, citations. */
  result: Result;
  /** Ids the analyst hid (still in `result`, not drawn). */
  hidden: string[];
  /** Node ids the analyst pinned: layouts leave them where they are. */
  pinned: string[];
  /** Node id -> model position. */
  positions: Record<string, Point>;
  /** A preset name of client/src/graph/layouts.ts, or 'preset' to use `positions`. */
  layout: string;
  filters: WorkspaceFilters;
  viewport: WorkspaceViewport;
}

/** What changed since a saved view's version, as GET /api/views/:id reports it: ids to highlight. */
export interface ChangeHighlight {
  added: string[];
  changed: string[];
  removed: string[];
}

export interface Workspace {
  readonly cy: cytoscape.Core;
  /** The state as it is now (positions and viewport read from the canvas). */
  state(): WorkspaceState;
  /** Puts a state back exactly: elements, positions, viewport, filters, as-of. Recorded for undo. */
  restore(state: WorkspaceState, options?: { highlight?: ChangeHighlight }): Promise<void>;
  /** Called after every change an analyst makes (query, expand, hide, pin, move, filter, viewport). */
  onChange(listener: () => void): () => void;
}
