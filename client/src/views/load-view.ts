// A saved view keeps element ids only (its graph is the live one): reopening fetches those elements
// again through the served queries, and what the view's query returns now that the view lacks.
import type { Result } from '../../../cypher/result.ts';
import { ApiError } from '../api.ts';
import { mergeResults, missingElements, toWorkspaceState } from './view-state.ts';
import { fetchNodeDetails, runQuery, type Opened } from './views-api.ts';

/** Requests at a time while filling gaps: the server's query rate limit is per client. */
const parallel = 4;

export interface LoadedView {
  state: ReturnType<typeof toWorkspaceState>['state'];
  highlight: ReturnType<typeof toWorkspaceState>['highlight'];
  /** Elements of the view that neither the graph nor the served queries give back (not reported removed). */
  unavailable: string[];
  /** Why the view's query could not be re-run, when it could not. */
  queryProblem: string | null;
}

export async function loadView(opened: Opened): Promise<LoadedView> {
  const { document, changes } = opened;
  const answers: Result[] = [];
  let queryProblem: string | null = null;
  if (document.query) {
    try {
      answers.push(await runQuery(document.query.name, document.query.parameters));
    } catch (error) {
      // The saved elements can still be fetched one by one; the panel says why the query failed.
      if (!(error instanceof ApiError)) throw error;
      queryProblem = `${error.title}: ${error.message}`;
    }
  }
  const meta: Result['meta'] = {
    query: document.query?.name ?? 'saved-view',
    parameters: document.query?.parameters ?? {},
    durationMs: 0,
    truncated: false,
  };

  // Nodes the query did not return (expanded by hand, or no query): their details, one by one.
  let missing = missingElements(mergeResults(answers, meta), document, changes.removed);
  await inBatches(missing.nodes, async (id) => {
    const found = await fetchNodeDetails(id).catch(ignoreNotFound);
    if (found) answers.push(found);
  });

  // Relationships still missing: the view's nodes' outgoing links (how the server itself finds them),
  // node by node until none is missing.
  missing = missingElements(mergeResults(answers, meta), document, changes.removed);
  const wanted = new Set(missing.edges);
  for (let start = 0; wanted.size > 0 && start < document.elements.nodes.length; start += parallel) {
    const batch = document.elements.nodes.slice(start, start + parallel);
    const hops = await Promise.all(batch.map((id) => runQuery('expand-neighbourhood', { id, direction: 'out', limit: 2000 }).catch(ignoreNotFound)));
    for (const hop of hops) {
      if (!hop) continue;
      answers.push(hop);
      for (const edge of hop.edges) wanted.delete(edge.id);
    }
  }

  const merged = mergeResults(answers, meta);
  const { state, highlight } = toWorkspaceState(opened, merged);
  const still = missingElements(state.result, document, changes.removed);
  return { state, highlight, unavailable: [...still.nodes, ...still.edges], queryProblem };
}

async function inBatches(ids: readonly string[], task: (id: string) => Promise<void>): Promise<void> {
  for (let start = 0; start < ids.length; start += parallel) await Promise.all(ids.slice(start, start + parallel).map(task));
}

/** Gone since the save (a race with the diff), or redacted away: the view opens without it. */
function ignoreNotFound(error: unknown): null {
  if (error instanceof ApiError && error.status === 404) return null;
  throw error;
}
