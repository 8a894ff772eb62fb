// A saved view keeps element ids only (its graph is the live one): the server answers a reopen with
// those elements as they are now and what the view's query adds since, and this turns that into a
// workspace state with the changes to highlight.
import type { OpenedAnswer } from '../../../contract/api/views.ts';
import { missingElements, toWorkspaceState } from './view-state.ts';

export interface LoadedView {
  state: ReturnType<typeof toWorkspaceState>['state'];
  highlight: ReturnType<typeof toWorkspaceState>['highlight'];
  /** Elements of the view the answer lacks though not reported removed (withheld from this reader). */
  unavailable: string[];
  /** Why the view's query could not be re-run, when it has one and it could not. */
  queryProblem: string | null;
}

export function loadView(opened: OpenedAnswer): LoadedView {
  const { document, changes } = opened;
  const { state, highlight } = toWorkspaceState(opened, opened.graph);
  const still = missingElements(state.result, document, changes.removed);
  return {
    state,
    highlight,
    unavailable: [...still.nodes, ...still.edges],
    queryProblem: document.query ? (changes.addedUnknownBecause ?? null) : null,
  };
}
