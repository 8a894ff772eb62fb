// What is on the canvas, as data: the merged answer, what the analyst hid and pinned, the filters,
// the layout and the query that drew it. Pure steps from one content to the next; canvas-sync.ts
// makes Cytoscape follow, and with the canvas's positions and viewport it is a WorkspaceState.
import type { ViewQuery } from '../../../contract/api/saved-view.ts';
import { mergeResults, type Result } from '../../../contract/result.ts';
import { emptyResult, removeFromResult, visiblePart } from './merge-result.ts';
import type { WorkspaceFilters, WorkspaceState } from './workspace.ts';

export interface WorkspaceContent {
  readonly query: ViewQuery | null;
  /** Everything fetched, hidden elements included. Never mutated: each step makes a new one. */
  readonly result: Result;
  readonly hidden: ReadonlySet<string>;
  readonly pinned: ReadonlySet<string>;
  readonly filters: WorkspaceFilters;
  readonly layout: string;
}

export function emptyContent(): WorkspaceContent {
  return { query: null, result: emptyResult(), hidden: new Set(), pinned: new Set(), filters: {}, layout: 'overview' };
}

/** A state's content; its positions and viewport are the canvas's to put back. */
export function contentOf(state: WorkspaceState): WorkspaceContent {
  return {
    query: state.query,
    result: state.result,
    hidden: new Set(state.hidden),
    pinned: new Set(state.pinned),
    filters: { ...state.filters },
    layout: state.layout,
  };
}

/** The content with what the canvas holds, as one state. It shares the Result, which nothing mutates. */
export function stateOf(content: WorkspaceContent, canvas: Pick<WorkspaceState, 'positions' | 'viewport'>): WorkspaceState {
  return {
    query: content.query,
    result: content.result,
    hidden: [...content.hidden],
    pinned: [...content.pinned],
    positions: canvas.positions,
    layout: content.layout,
    filters: { ...content.filters },
    viewport: canvas.viewport,
  };
}

/**
 * An answer drawn: `replace` starts from nothing and keeps the query that drew it; `merge` adds to
 * what is there, which then no longer comes from one query. Pins and hides of nodes still present
 * survive either way: the analyst made them on purpose.
 */
export function withAnswer(content: WorkspaceContent, result: Result, mode: 'replace' | 'merge', query: ViewQuery | null = null): WorkspaceContent {
  const base = mode === 'replace' ? emptyResult() : content.result;
  return { ...content, query: mode === 'replace' ? query : null, result: mergeResults(base, result) };
}

export function withHidden(content: WorkspaceContent, ids: readonly string[]): WorkspaceContent {
  return { ...content, hidden: new Set([...content.hidden, ...ids]) };
}

export function withNothingHidden(content: WorkspaceContent): WorkspaceContent {
  return { ...content, hidden: new Set() };
}

/** Removed from the workspace, not only hidden: the graph is then the analyst's, no longer one query's. */
export function withoutElements(content: WorkspaceContent, ids: readonly string[]): WorkspaceContent {
  return { ...content, query: null, result: removeFromResult(content.result, ids) };
}

export function withPinned(content: WorkspaceContent, ids: readonly string[], pinned: boolean): WorkspaceContent {
  const next = new Set(content.pinned);
  for (const id of ids) {
    if (pinned) next.add(id);
    else next.delete(id);
  }
  return { ...content, pinned: next };
}

export function withFilters(content: WorkspaceContent, filters: WorkspaceFilters): WorkspaceContent {
  return { ...content, filters: { ...filters } };
}

export function withLayout(content: WorkspaceContent, layout: string): WorkspaceContent {
  return { ...content, layout };
}

/** What the canvas draws: the result less what is hidden and what the filters (the as-of date among them) leave out. */
export function visibleResult(content: WorkspaceContent): Result {
  return visiblePart(content.result, content.hidden, content.filters, queryAnchors(content));
}

/** The nodes the drawing's query started from: drawn whatever the date, so the analyst sees what was asked about. */
export function queryAnchors(content: Pick<WorkspaceContent, 'query'>): Set<string> {
  const parameters = content.query?.parameters ?? {};
  return new Set(['id', 'fromId', 'toId'].map((key) => parameters[key]).filter((value): value is string => typeof value === 'string'));
}
