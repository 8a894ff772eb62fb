// Runs a curated query and draws its answer through the workspace, saying on the status line what came back, how fast, and whether it was cut.
import type { Result } from '../../../contract/result.ts';
import { runQuery } from '../api.ts';
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
}

export interface QueryRunner {
  draw(name: string, params: Record<string, unknown>, options: DrawQueryOptions): Promise<Result | undefined>;
  /**
   * Remembers a drawing that depends on the as-of date, to be redone when the date moves. A
   * `replace` drawing starts the list afresh: what it replaced no longer needs redoing.
   */
  track(mode: 'replace' | 'merge', redo: (asOf: string | undefined) => Promise<unknown>): void;
  /** A drawing that does not depend on the date replaced the canvas: nothing to redo. */
  forget(): void;
  /** Redoes every tracked drawing for the new date, in the order they were first made. */
  redoTimeAware(asOf: string | undefined): Promise<void>;
}

/** Parameters sent with absent values left out, so the server's defaults apply and a saved query stays minimal. */
function sentParameters(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== ''));
}

export function createQueryRunner(workspace: ExplorerWorkspace, status: StatusLine): QueryRunner {
  let timeAware: { mode: 'replace' | 'merge'; redo: (asOf: string | undefined) => Promise<unknown> }[] = [];
  let redoing = false;
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
    draw: (name, params, options) => draw(name, params, options),
  };
  const draw = async (name: string, params: Record<string, unknown>, options: DrawQueryOptions): Promise<Result | undefined> => {
    // A query with an `asOf` key (even unset) is time-aware: moving the slider redraws it as of the new date.
    if ('asOf' in params) runner.track(options.mode, (asOf) => draw(name, { ...params, asOf }, options));
    else if (options.mode === 'replace') runner.forget();
    const kind = options.kind ?? 'query';
    const parameters = sentParameters(params);
    const answer = await status.run(kind, `${options.doing}…`, (signal) => runQuery(name, parameters, signal));
    if (!answer) return undefined;
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
  return runner;
}
