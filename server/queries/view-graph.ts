// The evidence graph as a saved view sees it: its elements' fingerprints now, and its query re-run.
import { mergeResults, type Result } from '../../contract/result.ts';
import { queries } from '../../contract/queries/index.ts';
import type { EvidenceQuery, ResultQuery } from '../../contract/queries/define-query.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import { BadInput, fromDriverError, QueryTimedOut, type FieldProblem } from '../errors.ts';
import { badInputFrom } from '../errors.ts';
import type { ViewChanges } from '../../contract/api/views.ts';
import { diffView, type ElementsNow, type QueryNow } from './view-diff.ts';
import { fingerprintEdge, fingerprintNode } from './fingerprint.ts';
import type { Snapshot, ViewDocument, ViewElements, ViewQuery } from '../../contract/api/saved-view.ts';

/** Which query a view's saved query is re-run as (server/policy/evidence-answers.ts decides, per reader). */
export type QuestionFor = (query: EvidenceQuery) => ResultQuery;

export class ViewGraph {
  constructor(private readonly graph: GraphExecutor) {}

  /** The view's nodes, and its relationships that still join two of them, fingerprinted. */
  async elementsNow(elements: ViewElements): Promise<ElementsNow> {
    return (await this.readElements(elements)).fingerprints;
  }

  /** The view's elements as the graph holds them now (unredacted: routes redact), and their fingerprints. */
  private async readElements(elements: ViewElements): Promise<{ fingerprints: ElementsNow; result: Result }> {
    if (elements.nodes.length === 0) {
      const meta = { query: queries.viewElements.name, parameters: {}, durationMs: 0, truncated: false };
      return { fingerprints: { nodes: new Map(), edges: new Map() }, result: { nodes: [], edges: [], paths: [], citations: {}, summary: {}, meta } };
    }
    // A Result, so values are fingerprinted exactly as every route shows them.
    const result = await this.graph.graph(queries.viewElements, { nodeIds: elements.nodes, edgeIds: elements.edges });
    const fingerprints = {
      nodes: new Map(result.nodes.map((node) => [node.id, fingerprintNode(node)])),
      edges: new Map(result.edges.map((edge) => [edge.id, fingerprintEdge(edge)])),
    };
    return { fingerprints, result };
  }

  /** At save: every element must exist now (400 naming each that does not), and is fingerprinted. */
  async snapshot(elements: ViewElements): Promise<Snapshot> {
    const now = await this.elementsNow(elements);
    const problems: FieldProblem[] = [
      ...elements.nodes.flatMap((id, index) => (now.nodes.has(id) ? [] : [{ field: `elements.nodes.${index}`, reason: `no node "${id}" in the graph` }])),
      ...elements.edges.flatMap((id, index) =>
        now.edges.has(id) ? [] : [{ field: `elements.edges.${index}`, reason: `no relationship "${id}" between the view's nodes` }],
      ),
    ];
    if (problems.length > 0) throw new BadInput(problems);
    return { nodes: Object.fromEntries(now.nodes), edges: Object.fromEntries(now.edges) };
  }

  /** At save: the query must be an evidence read query of the catalogue, and its parameters must fit it. */
  checkQuery(query: ViewQuery | null): void {
    if (!query) return;
    const evidence = this.graph.catalogue.evidenceNamed(query.name);
    if (!evidence) throw new BadInput([{ field: 'query.name', reason: `"${query.name}" is not a query of the catalogue` }]);
    // Strict, as the executor parses it when the view is reopened: a misspelt parameter fails now, not later.
    const parsed = evidence.params.strict().safeParse(query.parameters);
    if (!parsed.success) throw badInputFrom(parsed.error, 'query.parameters', `is not a parameter of "${query.name}"`);
  }

  /** The ids the view's query returns now, or why it cannot be re-run; never a write query. */
  private async rerunQuery(query: ViewQuery | null, runAs: QuestionFor): Promise<{ now: QueryNow; result?: Result }> {
    const unknown = (reason: string) => ({ now: { known: false as const, reason } });
    if (!query) return unknown('the view was not drawn by one query');
    const evidence = this.graph.catalogue.evidenceNamed(query.name);
    if (!evidence) return unknown(`"${query.name}" is no longer a query of the catalogue`);
    try {
      const result = await this.graph.evidence(runAs(evidence), query.parameters);
      return { now: { known: true, elements: { nodes: result.nodes.map((node) => node.id), edges: result.edges.map((edge) => edge.id) } }, result };
    } catch (error) {
      if (error instanceof BadInput) return unknown(`its parameters no longer fit "${query.name}" (${error.detail})`);
      // A slow query should not keep the view from opening: the rest of the changes are still known.
      if (fromDriverError(error) instanceof QueryTimedOut) return unknown(`re-running "${query.name}" took too long`);
      throw error;
    }
  }

  /**
   * What changed since this version was saved, and the graph to draw: the view's elements as they
   * are now plus what its query returns now (the "added" of the changes), so a client reopens a
   * view in one request however it was assembled. Unredacted: the route redacts for the reader.
   * `runAs` is the policy's choice of query for the reader (a redacted reader's search reads no victim's name).
   */
  async reopen(document: ViewDocument, savedAt: string, runAs: QuestionFor = (query) => query): Promise<{ changes: ViewChanges; graph: Result }> {
    const [elements, queried] = await Promise.all([this.readElements(document.elements), this.rerunQuery(document.query, runAs)]);
    const graph = queried.result ? mergeResults(queried.result, elements.result) : elements.result;
    return { changes: diffView(document.elements, document.snapshot, savedAt, elements.fingerprints, queried.now), graph };
  }
}
