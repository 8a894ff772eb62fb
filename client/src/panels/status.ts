// The status line: a closed union of query states, so the page always says why nothing is drawn; and the one-request-at-a-time runner that reports into it.
import { ApiError, isAbort } from '../api.ts';
import type { ExplorerWorkspace } from '../workspace/create-workspace.ts';

/** Which request the status speaks of; browser tests wait on `data-query` with `data-state`. */
export type QueryKind = 'search' | 'chain' | 'node' | 'expand' | 'query';

export type QueryStatus =
  | { state: 'idle'; message: string }
  | { state: 'running'; query: QueryKind; message: string }
  | { state: 'empty'; query: QueryKind; message: string }
  | { state: 'done'; query: QueryKind; message: string; truncated: boolean }
  | { state: 'error'; query: QueryKind; message: string };

export function showStatus(element: HTMLElement, status: QueryStatus): void {
  element.dataset.state = status.state;
  element.dataset.query = status.state === 'idle' ? '' : status.query;
  // A cut answer stays `done` (tests and users can work with it) but says so, in words and as an attribute.
  const truncated = status.state === 'done' && status.truncated;
  element.dataset.truncated = String(truncated);
  element.textContent = truncated ? `${status.message} Cut at the limit: there is more.` : status.message;
}

export interface StatusLine {
  set(status: QueryStatus): void;
  /**
   * Runs one graph request at a time: a newer one aborts the older, whose answer is then dropped
   * (undefined). A failure is shown on the status line and also answers undefined.
   */
  run<T>(query: QueryKind, message: string, task: (signal: AbortSignal) => Promise<T>): Promise<T | undefined>;
}

export function mountStatus(element: HTMLElement): StatusLine {
  let inFlight: AbortController | null = null;
  const set = (status: QueryStatus) => showStatus(element, status);
  return {
    set,
    async run(query, message, task) {
      inFlight?.abort();
      const controller = new AbortController();
      inFlight = controller;
      set({ state: 'running', query, message });
      try {
        return await task(controller.signal);
      } catch (error) {
        if (isAbort(error) || controller.signal.aborted) return undefined;
        set({ state: 'error', query, message: describeError(error) });
        return undefined;
      } finally {
        if (inFlight === controller) inFlight = null;
      }
    },
  };
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.errors.map((field) => `${field.field}: ${field.reason}`);
    return [`${error.title}: ${error.message}`, ...fields].join(' — ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** How much is on the canvas, and how much the analyst hid: next to the status, always current. */
export function mountGraphCounts(workspace: ExplorerWorkspace, element: HTMLElement): void {
  const show = () => {
    const { cy } = workspace;
    const nodes = cy.nodes().length;
    const links = cy.edges().length;
    const hidden = workspace.hiddenIds().length;
    element.dataset.nodes = String(nodes);
    element.dataset.edges = String(links);
    element.textContent = `${nodes} ${nodes === 1 ? 'node' : 'nodes'}, ${links} ${links === 1 ? 'link' : 'links'} drawn${hidden > 0 ? ` · ${hidden} hidden` : ''}`;
  };
  workspace.onChange(show);
  show();
}
