// Status lines: a closed union of request states, so the page always says why nothing is drawn, shown
// the one way on the page's line (#status) and on the lines of the views panel and the export menu;
// and the one-request-at-a-time runner that reports into a line.
import { ApiError, isAbort } from '../api.ts';
import { createElement } from '../dom.ts';

/**
 * Which request a status speaks of; browser tests wait on `data-query` with `data-state`. The graph
 * requests share #status; `view` (saved views) and `export` have lines of their own.
 */
export type QueryKind = 'search' | 'chain' | 'node' | 'expand' | 'query' | 'view' | 'export';

export type QueryStatus =
  | { state: 'idle'; message: string }
  | { state: 'running'; query: QueryKind; message: string }
  | { state: 'empty'; query: QueryKind; message: string }
  | { state: 'done'; query: QueryKind; message: string; truncated: boolean }
  /** `retry` sends the failed request again: the line offers it as a button. */
  | { state: 'error'; query: QueryKind; message: string; retry?: () => void }
  /** Someone saved another version first (409): nothing was written, and the message says by whom. */
  | { state: 'conflict'; query: QueryKind; message: string };

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
   * (undefined). A failure is shown on the status line and also answers undefined. `until` (a
   * panel's lifetime) aborts the request too.
   */
  run<T>(query: QueryKind, message: string, task: (signal: AbortSignal) => Promise<T>, until?: AbortSignal, retry?: () => void): Promise<T | undefined>;
}

/** Shows statuses on `element`; a failure that can be tried again gets a Retry button right after it. */
export function mountStatus(element: HTMLElement): StatusLine {
  let inFlight: AbortController | null = null;
  const retryButton = createElement('button', {
    className: 'status-retry',
    text: 'Retry',
    attrs: { type: 'button', 'data-action': 'retry', ...(element.id ? { 'aria-describedby': element.id, id: `${element.id}-retry` } : {}) },
  });
  retryButton.hidden = true;
  let retryNow: (() => void) | undefined;
  retryButton.addEventListener('click', () => {
    const again = retryNow;
    retryNow = undefined;
    retryButton.hidden = true;
    again?.();
  });
  const set = (status: QueryStatus) => {
    showStatus(element, status);
    retryNow = status.state === 'error' ? status.retry : undefined;
    retryButton.hidden = retryNow === undefined;
    if (retryNow && !retryButton.isConnected) element.after(retryButton);
  };
  return {
    set,
    async run(query, message, task, until, retry) {
      inFlight?.abort();
      const controller = new AbortController();
      inFlight = controller;
      const stop = () => controller.abort();
      if (until?.aborted) stop();
      until?.addEventListener('abort', stop, { once: true });
      set({ state: 'running', query, message });
      try {
        return await task(controller.signal);
      } catch (error) {
        if (isAbort(error) || controller.signal.aborted) return undefined;
        set({ state: 'error', query, message: describeError(error), ...(retry ? { retry } : {}) });
        return undefined;
      } finally {
        until?.removeEventListener('abort', stop);
        if (inFlight === controller) inFlight = null;
      }
    },
  };
}

/** A panel's own status line (saved views, exports): the same states, shown the same way as #status; idle and empty to begin with. */
export function createStatusLine(id: string, className: string): { element: HTMLParagraphElement; status: StatusLine } {
  const element = createElement('p', { className, attrs: { id, role: 'status', 'aria-live': 'polite' } });
  const status = mountStatus(element);
  status.set({ state: 'idle', message: '' });
  return { element, status };
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.errors.map((field) => `${field.field}: ${field.reason}`);
    return [`${error.title}: ${error.message}`, ...fields].join(' — ');
  }
  return error instanceof Error ? error.message : String(error);
}
