// The status line: a closed union of query states, so the page always says why nothing is drawn.

/** Which request the status speaks of; browser tests wait on `data-query` with `data-state`. */
export type QueryKind = 'search' | 'chain' | 'node';

export type QueryStatus =
  | { state: 'idle'; message: string }
  | { state: 'running'; query: QueryKind; message: string }
  | { state: 'empty'; query: QueryKind; message: string }
  | { state: 'done'; query: QueryKind; message: string; truncated: boolean }
  | { state: 'error'; query: QueryKind; message: string };

export type QueryState = QueryStatus['state'];

export function showStatus(element: HTMLElement, status: QueryStatus): void {
  element.dataset.state = status.state;
  element.dataset.query = status.state === 'idle' ? '' : status.query;
  // A cut answer stays `done` (tests and users can work with it) but says so, in words and as an attribute.
  const truncated = status.state === 'done' && status.truncated;
  element.dataset.truncated = String(truncated);
  element.textContent = truncated ? `${status.message} Cut at the limit: there is more.` : status.message;
}
