// Opening a saved view of about 200 elements, for bench:api: a facility's neighbourhood (100 links and
// the nodes at their ends, drawn by expand-neighbourhood) saved as a view, then reopened over HTTP, beside
// the bare driver running the same Cypher the reopen runs (the view's record, its elements, its query).
import neo4j, { type Driver } from 'neo4j-driver';
import type { Catalogue } from '../../server/graph/catalogue.ts';
import { toDriverParams } from '../../server/graph/executor.ts';
import { queries } from '../../contract/queries/index.ts';
import { percentile } from './fresh-neo4j.ts';
import { timePaired } from './time-paired.ts';

export interface ViewOpenFigures {
  elements: number;
  http: { p50: number; p95: number };
  driver: { p50: number; p95: number };
}

/** The biggest facility at every scale (the generator's Zipf rank 1): its reopen re-runs the costliest expansion. */
const facility = 'syn-fac-00001';

/** As the executor runs it: parameters through the query's schema, one row past a limit. */
async function read(driver: Driver, catalogue: Catalogue, handle: { name: string }, raw: Record<string, unknown>): Promise<unknown> {
  const entry = catalogue.get(handle.name)!;
  const params = entry.schema.parse(raw) as Record<string, unknown>;
  if (typeof params.limit === 'number') params.limit += 1;
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead((tx) => tx.run(entry.cypher, toDriverParams(params) as Record<string, unknown>));
  } finally {
    await session.close();
  }
}

export async function measureViewOpen(
  baseUrl: string,
  auth: Record<string, string>,
  driver: Driver,
  catalogue: Catalogue,
  runs: number,
): Promise<ViewOpenFigures> {
  const query = { name: 'expand-neighbourhood', parameters: { id: facility, limit: 100 } };
  const post = (path: string, body: unknown) =>
    fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) });
  const drawn = await (await post('/api/queries/expand-neighbourhood', { params: query.parameters })).json();
  const elements = { nodes: drawn.nodes.map((node: { id: string }) => node.id), edges: drawn.edges.map((edge: { id: string }) => edge.id) };
  const created = await post('/api/views', {
    title: 'bench: a facility and 100 links',
    query,
    elements,
    positions: {},
    layout: 'overview',
    viewport: { zoom: 1, pan: { x: 0, y: 0 } },
  });
  if (created.status !== 201) throw new Error(`saving the bench view: HTTP ${created.status} ${await created.text()}`);
  const { view } = await created.json();

  const open = async () => {
    const response = await fetch(`${baseUrl}/api/views/${view.id}`, { headers: auth });
    await response.arrayBuffer();
    return response.status;
  };
  // The reopen's Cypher: the record and version, then the elements and the query side by side (view-graph.ts).
  const bareOpen = async () => {
    await read(driver, catalogue, queries.readView, { id: view.id, version: null });
    await Promise.all([
      read(driver, catalogue, queries.viewElements, { nodeIds: elements.nodes, edgeIds: elements.edges }),
      read(driver, catalogue, queries.expandNeighbourhood, query.parameters),
    ]);
  };
  // Ten rounds untimed, then both in turn: timed one side after the other, the driver's runs met the JVM
  // the HTTP runs had warmed.
  for (let i = 0; i < Math.min(10, runs); i++) {
    await open();
    await bareOpen();
  }
  const { http, bare, failedStatuses } = await timePaired(runs, open, bareOpen);
  if (failedStatuses.length > 0) throw new Error(`opening the bench view: HTTP ${failedStatuses.join(', ')}`);
  return {
    elements: elements.nodes.length + elements.edges.length,
    http: { p50: percentile(http, 50), p95: percentile(http, 95) },
    driver: { p50: percentile(bare, 50), p95: percentile(bare, 95) },
  };
}
