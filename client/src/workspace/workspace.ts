// The analyst's workspace: what the canvas shows and how, as one serialisable state. Saved views,
// share links, the autosave that survives a reload, undo/redo and the exports all read or restore
// this one shape, so none of them keeps a second idea of "what is on screen".
import type cytoscape from 'cytoscape';
import type { Confidence, NodeLabel } from '../../../contract/model.ts';
import type { Result } from '../../../contract/result.ts';

export interface Point {
  x: number;
  y: number;
}

/** The curated query that drew the graph (catalogue name and parameters as sent), null once edited by hand. */
export interface DrawingQuery {
  name: string;
  parameters: Record<string, unknown>;
}

/** Mirrors ViewFilters in server/views/saved-view.ts: absent means "no filter". */
export interface WorkspaceFilters {
  labels?: NodeLabel[];
  confidence?: Confidence[];
  /** False hides synthetic records. */
  synthetic?: boolean;
  /** The as-of slider (YYYY-MM-DD): the time-aware queries run as of this date. */
  asOf?: string;
}

export interface WorkspaceState {
  query: DrawingQuery | null;
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
  viewport: { zoom: number; pan: Point };
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
