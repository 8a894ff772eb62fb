// In a real browser: a chain through an analyst's hypothesis link appears only when asked for, and the
// link is drawn as what it is: its pixels on screen come in dashes where an evidence link's are solid,
// its label reads "hypothesis: …", and the inspector says it is no evidence and lists no source.
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provenance } from '../fixtures/provenance.ts';
import type { TestApp } from '../support/neo4j.ts';
import { artifacts, startBrowserSession, type BrowserSession } from './browser-session.ts';
import type { ExplorerPage } from './explorer-page.ts';

const guard = 'test-hypothesis-guard';
const guardName = 'Test Hypothesis Guard';
const committee = 'org_xuar_pc';

let session: BrowserSession | undefined;
let app: TestApp;
let explorer: ExplorerPage;

async function removeFixture(): Promise<void> {
  await app.driver.executeQuery(
    'MATCH (n) WHERE (n:Entity AND n.id = $guard) OR (n:_Note AND n.targetId = $guard) DETACH DELETE n',
    { guard },
    { routing: 'WRITE' },
  );
}

beforeAll(async () => {
  session = await startBrowserSession();
  ({ app, explorer } = session);
  await removeFixture();
  await app.driver.executeQuery(`CREATE (:Entity:Person:Guard {id: $guard, name: $guardName, ${provenance}})`, { guard, guardName }, { routing: 'WRITE' });
});

afterAll(async () => {
  if (app) await removeFixture();
  await session?.close();
});

interface Point {
  x: number;
  y: number;
}

/** A rendered bounding box, as Cytoscape gives it. */
interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** The pixels on the straight line `from` → `to`; null where the line passes under one of `hidden` (labels and nodes drawn over it). */
function pixelsAlong(png: PNG, from: Point, to: Point, hidden: Box[]): ([number, number, number] | null)[] {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const pixels: ([number, number, number] | null)[] = [];
  for (let step = 0; step <= length; step++) {
    const x = Math.round(from.x + ((to.x - from.x) * step) / length);
    const y = Math.round(from.y + ((to.y - from.y) * step) / length);
    const under = hidden.some((box) => x >= box.x1 && x <= box.x2 && y >= box.y1 && y <= box.y2);
    const at = (png.width * y + x) << 2;
    pixels.push(under ? null : [png.data[at]!, png.data[at + 1]!, png.data[at + 2]!]);
  }
  return pixels;
}

/** Runs of line-coloured pixels and of others along the line: a solid line is one run, a dashed one alternates. */
function inkRuns(pixels: ([number, number, number] | null)[], ink: [number, number, number]): { ink: number[]; gaps: number[] } {
  const runs = { ink: [] as number[], gaps: [] as number[] };
  let current: boolean | null = null;
  let length = 0;
  for (const pixel of pixels) {
    // Under a label or a node: the run before it ends there, and nothing is counted until the line comes out.
    if (pixel === null) {
      if (current !== null) (current ? runs.ink : runs.gaps).push(length);
      current = null;
      continue;
    }
    const [r, g, b] = pixel;
    const isInk = Math.hypot(r - ink[0], g - ink[1], b - ink[2]) < 70;
    if (isInk === current) length++;
    else {
      if (current !== null) (current ? runs.ink : runs.gaps).push(length);
      current = isInk;
      length = 1;
    }
  }
  if (current !== null) (current ? runs.ink : runs.gaps).push(length);
  return runs;
}

/**
 * Fits the canvas to one edge's ends, then measures its line on screen from 4% to 75% of its length
 * (clear of its end nodes and the arrowhead), where no label or other node is drawn over it. At the
 * highest zoom a chain's link is under 200 px: a stretch clear of its middle would hold less than two dashes.
 */
async function measureLine(page: ExplorerPage['page'], edgeId: string, ink: [number, number, number]) {
  const ends = await page.evaluate((id) => {
    const cy = window.__xpf!.cy;
    const edge = cy.getElementById(id);
    cy.fit(edge.connectedNodes(), 80);
    const label = edge.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false });
    const others = cy.nodes().difference(edge.connectedNodes());
    const hidden = [label, ...others.map((node) => node.renderedBoundingBox({ includeLabels: true, includeOverlays: false }))];
    return { from: edge.renderedSourceEndpoint(), to: edge.renderedTargetEndpoint(), zoom: cy.zoom(), hidden };
  }, edgeId);
  // Two frames: Cytoscape draws the new viewport on the next animation frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const box = (await page.locator('#graph').boundingBox())!;
  const png = PNG.sync.read(await page.screenshot({ clip: box }));
  const point = (t: number) => ({ x: ends.from.x + (ends.to.x - ends.from.x) * t, y: ends.from.y + (ends.to.y - ends.from.y) * t });
  const pixels = pixelsAlong(png, point(0.04), point(0.75), ends.hidden);
  return { length: pixels.filter((pixel) => pixel !== null).length, zoom: ends.zoom, ...inkRuns(pixels, ink) };
}

describe('hypothesis links in the browser', () => {
  it('draws a chain through a hypothesis only when asked, the link dashed on screen, named, and no evidence in the inspector', async () => {
    const written = await app.post('/api/notes', {
      kind: 'hypothesis',
      fromId: guard,
      toId: committee,
      caption: 'reports to',
      text: 'Seen in the committee’s security detail in one photo; unconfirmed.',
    });
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    const hypothesisId: string = written.body.note.id;
    const { page } = explorer;

    // Not asked for, the guard has no chain of command (the API says so); asked for, every chain goes through the hypothesis.
    expect((await app.get(`/api/chain/${guard}`)).body.paths).toEqual([]);
    await page.locator('#chain-hypotheses').check();
    await explorer.search(guardName).openChain(guard);
    expect(await page.locator('#status').textContent()).toContain('through a hypothesis link');
    const chains = await explorer.chains();
    expect(chains.length).toBeGreaterThan(0);
    for (const chain of chains) expect(chain).toMatchObject({ strength: 'hypothesis', weakestLink: hypothesisId });

    const drawn = await explorer.drawn();
    const hypothesis = drawn.edges.get(hypothesisId);
    expect(hypothesis, 'the hypothesis link is drawn').toBeDefined();
    expect(hypothesis!.type).toBe('HYPOTHESIS');
    const evidenceId = [...drawn.edges.values()].find((edge) => edge.id !== hypothesisId && edge.source === committee && edge.type === 'SUBORDINATE_TO')?.id;
    expect(evidenceId, 'the committee’s own subordination is drawn beside it').toBeDefined();

    // On screen, the hypothesis line alternates ink and gaps; the evidence line beside it is unbroken.
    const dashed = await measureLine(page, hypothesisId, [0x00, 0x79, 0x6b]);
    await explorer.screenshot(`${artifacts}hypothesis-link.png`);
    // Fitted to the link, as an analyst zooms in: its label is drawn, legibly, and names it a hypothesis.
    const label = await page.evaluate((id) => {
      const edge = window.__xpf!.cy.getElementById(id);
      const box = edge.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false });
      return {
        text: String(edge.style('label')),
        width: box.w,
        height: box.h,
        fontPx: Number.parseFloat(String(edge.style('font-size'))) * window.__xpf!.cy.zoom(),
      };
    }, hypothesisId);
    expect(label.text).toBe('hypothesis: reports to');
    // The label turns with its link (autorotate): its drawn length is the box's longer side.
    expect(Math.max(label.width, label.height), JSON.stringify(label)).toBeGreaterThan(40);
    expect(label.fontPx).toBeGreaterThanOrEqual(9);

    expect(dashed.length, 'the measured stretch is long enough to hold dashes').toBeGreaterThan(60);
    expect(dashed.ink.length, JSON.stringify(dashed)).toBeGreaterThanOrEqual(2);
    expect(dashed.gaps.filter((gap) => gap >= 4).length, JSON.stringify(dashed)).toBeGreaterThanOrEqual(2);
    const solid = await measureLine(page, evidenceId!, [0x1f, 0x4e, 0x79]);
    expect(solid.length).toBeGreaterThan(60);
    expect(
      solid.gaps.filter((gap) => gap >= 4),
      JSON.stringify(solid),
    ).toEqual([]);

    // The inspector says what it is, and lists no source for it.
    await page.evaluate(() => window.__xpf!.cy.fit(undefined, 30));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const inspected = await explorer.clickEdge(hypothesisId);
    expect(inspected.sources).toEqual([]);
    const inspector = page.locator('#inspector');
    expect(await inspector.locator('[data-badge="hypothesis"]').textContent()).toContain('not evidence');
    expect(await inspector.textContent()).toContain('reports to');

    // The guard's notes in the inspector hold the hypothesis, set apart as not evidence.
    await explorer.clickNode(guard);
    const note = inspector.locator(`.notes-section[data-state="done"] li[data-note="${hypothesisId}"]`);
    await note.waitFor({ timeout: 20_000 });
    expect(await note.textContent()).toContain('not evidence');
    await explorer.screenshot(`${artifacts}hypothesis-inspector.png`);
  });
});
