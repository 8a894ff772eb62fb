// Runs a curated query and draws its answer through the workspace, saying on the status line what came back, how fast, and whether it was cut.
import type { EvidenceParams, EvidenceQueryName } from '../../../contract/queries/index.ts';
import { type Json, mergeResults, type Result } from '../../../contract/result.ts';
import { type ListedQuery, runQuery } from '../api.ts';
import type { LayoutName } from '../graph/layouts.ts';
import type { ExplorerWorkspace } from '../workspace/create-workspace.ts';
import type { QueryKind, StatusLine } from './status.ts';

export interface DrawQueryOptions {
  mode: 'replace' | 'merge';
  layout: LayoutName;
  /** For a merge: the node new ones grow from. */
  near?: string;
  /** What the status line calls this request ("Expanding Camp F"). */
  doing: string;
  kind?: QueryKind;
  /** Aborts the request with it (a panel's lifetime). */
  signal?: AbortSignal;
}

/** A form's values by parameter name, as the query panel reads them from a form built from GET /api/queries. */
export type FormParameters = Record<string, unknown>;

export interface QueryRunner {
  /** Draws a query named in code: a renamed query or a wrong parameter fails the type check. */
  draw<Name extends EvidenceQueryName>(name: Name, params: EvidenceParams<Name>, options: DrawQueryOptions): Promise<Result | undefined>;
  /** Draws a query picked from the server's listing, with its form's values: the server checks them against the query's schema. */
  drawListed(query: ListedQuery, params: FormParameters, options: DrawQueryOptions): Promise<Result | undefined>;
  /**
   * Remembers a drawing that depends on the as-of date, to be redone when the date moves. A
   * `replace` drawing starts the list afresh: what it replaced no longer needs redoing.
   */
  track(mode: 'replace' | 'merge', redo: (asOf: string | undefined) => Promise<unknown>): void;
  /** A drawing that does not depend on the date replaced the canvas: nothing to redo. */
  forget(): void;
  /** Redoes every tracked drawing for the new date (and the filters' date compared with), in the order they were first made. */
  redoTimeAware(asOf: string | undefined): Promise<void>;
  /** Hears every answer a query gave (drawn or not): the summary tab shows its `summary`. */
  onAnswer(listener: (answer: Result) => void): () => void;
}

/** Parameters sent with absent values left out, so the server's defaults apply and a saved query stays minimal. */
function sentParameters(params: FormParameters): Record<string, Json> {
  // Sent as JSON: what is kept is what JSON carries.
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== '')) as Record<string, Json>;
}

export function createQueryRunner(workspace: ExplorerWorkspace, status: StatusLine): QueryRunner {
  let timeAware: { mode: 'replace' | 'merge'; redo: (asOf: string | undefined) => Promise<unknown> }[] = [];
  const answerListeners = new Set<(answer: Result) => void>();
  let redoing = false;

  /**
   * Typed at the edges (draw, drawListed); inside, a name and its values. The cast to the query's
   * parameters holds: draw's come typed, drawListed's are checked by the server like any request.
   */
  const drawNamed = async (name: EvidenceQueryName, params: FormParameters, options: DrawQueryOptions): Promise<Result | undefined> => {
    // A query with an `asOf` key (even unset) is time-aware: moving the slider redraws it as of the new date.
    const timeAware = 'asOf' in params;
    if (timeAware) runner.track(options.mode, (asOf) => drawNamed(name, { ...params, asOf }, options));
    else if (options.mode === 'replace') runner.forget();
    const kind = options.kind ?? 'query';
    const parameters = sentParameters(params);
    const run = (signal: AbortSignal, values: Record<string, Json>) => runQuery(name, values as EvidenceParams<typeof name>, signal);
    // Two dates compared (the filters): a time-aware query also runs as of the other date and both answers
    // are drawn together, so what left between the two is there to be marked (workspace/time-filter.ts).
    const compareWith = timeAware && typeof params.asOf === 'string' ? workspace.filters().compareWith : undefined;
    const answer = await status.run(
      kind,
      `${options.doing}…`,
      async (signal) => {
        const now = await run(signal, parameters);
        // The other date's answer first in the merge: where both have an element, the as-of date's copy wins.
        return compareWith ? mergeResults(await run(signal, { ...parameters, asOf: compareWith }), now) : now;
      },
      options.signal,
      () => void drawNamed(name, params, options),
    );
    if (!answer) return undefined;
    for (const listener of answerListeners) listener(answer);
    // Counts with nothing to draw (graph statistics) are an answer, shown in the summary tab.
    if (answer.nodes.length === 0 && Object.keys(answer.summary).length > 0) {
      status.set({ state: 'done', query: kind, truncated: false, message: `${options.doing}: figures in the Summary tab (${answer.meta.durationMs} ms).` });
      return answer;
    }
    if (answer.nodes.length === 0) {
      status.set({ state: 'empty', query: kind, message: `${options.doing}: nothing found (${answer.meta.durationMs} ms).` });
      return answer;
    }
    const drawOptions = { mode: options.mode, layout: options.layout, query: { name, parameters }, ...(options.near ? { near: options.near } : {}) };
    await workspace.draw(answer, drawOptions);
    const nodes = answer.nodes.length === 1 ? '1 node' : `${answer.nodes.length} nodes`;
    const links = answer.edges.length === 1 ? '1 link' : `${answer.edges.length} links`;
    status.set({
      state: 'done',
      query: kind,
      truncated: answer.meta.truncated,
      message: `${options.doing}: ${nodes}, ${links} in ${answer.meta.durationMs} ms.`,
    });
    return answer;
  };

  const runner: QueryRunner = {
    track(mode, redo) {
      if (redoing) return;
      if (mode === 'replace') timeAware = [];
      timeAware.push({ mode, redo });
    },
    forget() {
      if (!redoing) timeAware = [];
    },
    async redoTimeAware(asOf) {
      redoing = true;
      try {
        for (const drawing of timeAware) await drawing.redo(asOf);
      } finally {
        redoing = false;
      }
    },
    onAnswer(listener) {
      answerListeners.add(listener);
      return () => answerListeners.delete(listener);
    },
    draw: (name, params, options) => drawNamed(name, params, options),
    drawListed: (query, params, options) => drawNamed(query.name, params, options),
  };
  return runner;
}
