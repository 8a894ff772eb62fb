// In a real browser on the real app and seed: an analyst sees a photographed synthetic detainee's
// stand-in photo drawn on its node, loaded from /api/photos under the CSP; a viewer gets no image and
// the browser never asks for one.
import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Result, type ResultNode } from '../../contract/result.ts';
import { ensureTestUser, type TestApp } from '../support/neo4j.ts';
import { artifacts, nameOf, startBrowserSession, type BrowserSession } from './browser-session.ts';
import type { ExplorerPage } from './explorer-page.ts';

let session: BrowserSession | undefined;
let app: TestApp;

beforeAll(async () => {
  session = await startBrowserSession();
  ({ app } = session);
});
afterAll(async () => {
  await session?.close();
});

/** Photographed synthetic detainees and their photos, as the graph holds them. */
async function photographed(): Promise<Array<{ personId: string; photoId: string }>> {
  const { records } = await app.driver.executeQuery(
    'MATCH (photo:Photo {synthetic: true})-[:DEPICTS]->(person:Detainee) RETURN person.id AS personId, photo.id AS photoId ORDER BY photo.id LIMIT 60',
    {},
    { routing: 'READ' },
  );
  return records.map((record) => ({ personId: record.get('personId'), photoId: record.get('photoId') }));
}

/** What the canvas says of a node's photo: its data and the background image Cytoscape styles it with. */
function photoOnCanvas(explorer: ExplorerPage, id: string) {
  return explorer.page.evaluate((nodeId) => {
    const node = window.__xpf!.cy.getElementById(nodeId);
    return { photo: (node.data('photo') as string | undefined) ?? null, backgroundImage: String(node.style('background-image')) };
  }, id);
}

describe('photos on person nodes', () => {
  it("draws an analyst a photographed detainee's stand-in photo, loaded from the photo route", async () => {
    const [first] = await photographed();
    expect(first, 'the seed has photographed detainees').toBeDefined();
    const person = Result.parse((await app.get(`/api/nodes/${first!.personId}`)).body).nodes.find((node) => node.id === first!.personId)!;
    // The session's analyst page: nothing else in this file has used it.
    const explorer = session!.explorer;
    const photoUrl = `/api/photos/${first!.photoId}`;
    const loaded = explorer.page.waitForResponse((response: Response) => new URL(response.url()).pathname === photoUrl);
    await explorer.search(nameOf(person)).openChain(first!.personId);
    const response = await loaded;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    await explorer.page.waitForFunction((id) => window.__xpf!.cy.getElementById(id).data('photo') !== undefined, first!.personId);
    const shown = await photoOnCanvas(explorer, first!.personId);
    expect(shown.photo).toBe(photoUrl);
    expect(shown.backgroundImage).toContain(photoUrl);
    // The synthetic marker stays: the node is still drawn with the dashed synthetic border.
    expect(await explorer.page.evaluate((id) => window.__xpf!.cy.getElementById(id).style('border-style'), first!.personId)).toBe('dashed');
    await explorer.screenshot(`${artifacts}photos-analyst.png`);
    expect(explorer.cspViolations).toEqual([]);
  });

  it('gives a viewer redacted photos: no image on the node, and no request for one', async () => {
    // A facility whose expansion (as the API answers it) draws at least one photographed detainee.
    const candidates = await photographed();
    let pick: { facility: ResultNode; personIds: string[] } | null = null;
    for (const candidate of candidates) {
      const chain = Result.parse((await app.get(`/api/chain/${candidate.personId}`)).body);
      const facility = chain.nodes.find((node) => node.id === chain.paths[0]!.nodes[1])!;
      const expanded = Result.parse(
        (await app.post('/api/queries/expand-neighbourhood', { params: { id: facility.id, types: ['DETAINED_AT'], direction: 'both' } })).body,
      );
      const drawnIds = new Set(expanded.nodes.map((node) => node.id));
      const personIds = candidates.filter((entry) => drawnIds.has(entry.personId)).map((entry) => entry.personId);
      if (personIds.length > 0) {
        pick = { facility, personIds };
        break;
      }
    }
    expect(pick, 'a facility expansion draws a photographed detainee').not.toBeNull();

    const viewer = await ensureTestUser(app.driver, 'viewer');
    const explorer = await session!.openPage(viewer);
    const photoRequests: string[] = [];
    explorer.page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/photos')) photoRequests.push(request.url());
    });
    try {
      await explorer.search(nameOf(pick!.facility)).openChain(pick!.facility.id);
      const photosOf = explorer.page.waitForResponse(async (response: Response) => {
        if (new URL(response.url()).pathname !== '/api/queries/photos-of') return false;
        // An ask the client aborted (a newer draw made it stale) has no body to read.
        const body = await response.json().catch(() => null);
        if (!body) return false;
        return pick!.personIds.some((id) => Result.parse(body).edges.some((edge) => edge.type === 'DEPICTS' && edge.target === id));
      });
      await explorer.nodeAction(pick!.facility.id, 'expand-DETAINED_AT');
      await explorer.settled('expand');
      // Photos are asked for the people drawn one by one: open the group the detainees are folded into.
      await explorer.openGroups();
      const answer = Result.parse(await (await photosOf).json());
      const photos = answer.nodes.filter((node) => node.labels.includes('Photo'));
      expect(photos.length).toBeGreaterThan(0);
      for (const photo of photos) {
        expect(photo.properties.redacted).toBe(true);
        expect(photo.properties).not.toHaveProperty('file');
      }
      for (const id of pick!.personIds) {
        const shown = await photoOnCanvas(explorer, id);
        expect(shown.photo).toBeNull();
        expect(shown.backgroundImage).not.toContain('/api/photos');
      }
      expect(await explorer.page.evaluate(() => window.__xpf!.cy.nodes('[photo]').length)).toBe(0);
      expect(photoRequests).toEqual([]);
      await explorer.screenshot(`${artifacts}photos-viewer.png`);
    } finally {
      await explorer.page.close();
    }
  });
});
