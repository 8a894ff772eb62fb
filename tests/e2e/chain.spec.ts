// In a real browser on the real app and seed: a synthetic detainee's chain of command is drawn top-down, and its nodes and links open their sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Result } from '../../contract/result.ts';
import type { TestApp } from '../support/neo4j.ts';
import { artifacts, startBrowserSession, type BrowserSession } from './browser-session.ts';
import { chainRowsOf, type ExplorerPage } from './explorer-page.ts';

const detainee = 'syn-detainee-0000001';

let session: BrowserSession | undefined;
let app: TestApp;
let explorer: ExplorerPage;

beforeAll(async () => {
  session = await startBrowserSession();
  ({ app, explorer } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('chain of command in the browser', () => {
  it('draws the synthetic detainee’s chain up to the leadership, top-down, and shows the sources of what is clicked', async () => {
    // What the server says the chain is; the drawing must match it, not a list kept in this test.
    const { status, body } = await app.get(`/api/chain/${detainee}`);
    expect(status).toBe(200);
    const answer = Result.parse(body);
    const [strongest] = answer.paths;
    expect(strongest, 'the API finds a chain for the detainee').toBeDefined();
    expect(strongest!.nodes[0]).toBe(detainee);
    expect(strongest!.nodes.at(-1)).toBe('xi_jinping');

    // Typed as an analyst would: the detainee's own (synthetic) name, as the server has it.
    const name = String(answer.nodes.find((node) => node.id === detainee)!.properties.name);
    await explorer.search(name).openChain(detainee);
    const drawn = await explorer.drawn();
    await explorer.screenshot(`${artifacts}chain-of-command.png`);

    // Every node of the answer is drawn, and nothing else.
    expect([...drawn.nodes.keys()].sort()).toEqual(answer.nodes.map((node) => node.id).sort());
    const facility = strongest!.nodes[1]!;
    for (const id of [facility, 'org_xuar_pc', 'org_ccp_cc', 'xi_jinping']) {
      expect(drawn.nodes.has(id), `${id} is drawn`).toBe(true);
    }

    // Every link of every chain is drawn between its two ends; on the strongest chain it points upward, subordinate to superior.
    for (const path of answer.paths) {
      path.edges.forEach((edgeId, hop) => {
        const edge = drawn.edges.get(edgeId);
        expect(edge, `${edgeId} is drawn`).toBeDefined();
        expect([edge!.source, edge!.target].sort()).toEqual([path.nodes[hop], path.nodes[hop + 1]].sort());
      });
    }
    strongest!.edges.forEach((edgeId, hop) => {
      const edge = drawn.edges.get(edgeId)!;
      expect({ source: edge.source, target: edge.target }).toEqual({ source: strongest!.nodes[hop], target: strongest!.nodes[hop + 1] });
      // Screen y grows downward: each superior sits above its subordinate.
      expect(drawn.nodes.get(edge.target)!.y, `${edge.target} above ${edge.source}`).toBeLessThan(drawn.nodes.get(edge.source)!.y);
    });
    const y = (id: string) => drawn.nodes.get(id)!.y;
    expect(y('xi_jinping')).toBeLessThan(y('org_ccp_cc'));
    expect(y('org_ccp_cc')).toBeLessThan(y(facility));
    expect(y(facility)).toBeLessThan(y(detainee));

    // The chain table names each chain's strength and weakest link as the server ranked them (chains
    // through the same links once; no weakest link where every link is as strong).
    expect(await explorer.chains()).toEqual(chainRowsOf(answer));

    // Test data must never pass for evidence: drawn apart, and badged in the inspector.
    expect(drawn.nodes.get(detainee)!.classes).toContain('synthetic');
    expect(drawn.nodes.get('xi_jinping')!.classes).not.toContain('synthetic');
    const person = await explorer.clickNode(detainee);
    expect(person.synthetic).toBe(true);
    expect(person.sources.length).toBeGreaterThan(0);
    await explorer.screenshot(`${artifacts}chain-inspector-detainee.png`);

    // A link's sources are listed by document name, resolved from the answer's citations.
    const detention = answer.edges.find((edge) => edge.type === 'DETAINED_AT' && (edge.source === detainee || edge.target === detainee));
    expect(detention, 'the chain starts with the detention').toBeDefined();
    const link = await explorer.clickEdge(detention!.id);
    const cited = detention!.properties.sources as string[];
    expect(cited.length).toBeGreaterThan(0);
    expect(link.sources).toEqual(cited.map((id) => ({ document: id, name: answer.citations[id]!.name })));
    expect(link.synthetic).toBe(true);
    await explorer.screenshot(`${artifacts}chain-inspector-detained-at.png`);
  });

  it('finds an official by his name in Chinese characters', async () => {
    expect(await explorer.search('陈全国').ids()).toContain('chen_quanguo');
  });

  it('runs under the server’s strict Content-Security-Policy without a single violation', async () => {
    // Everything above (search, chain, layout, inspector) has run on this page by now.
    const policy = (await fetch(app.baseUrl)).headers.get('content-security-policy');
    expect(policy).toContain("script-src 'self'");
    expect(explorer.cspViolations).toEqual([]);
  });
});
