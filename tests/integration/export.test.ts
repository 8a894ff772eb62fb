// Exports over HTTP from the real app on the seed: a chain in every format, a posted search result, and every bad request.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Result } from '../../contract/result.ts';
import { startTestApp, type TestApp } from '../support/neo4j.ts';

let app: TestApp;
/** The chain as GET /api/chain/:id answers it: what each export must carry. */
let chain: Result;
beforeAll(async () => {
  app = await startTestApp();
  const answer = await app.get('/api/chain/syn-detainee-0000001');
  expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
  chain = Result.parse(answer.body);
});
afterAll(() => app.close());

interface Download {
  status: number;
  contentType: string;
  disposition: string;
  text: string;
}

async function download(path: string, init?: RequestInit): Promise<Download> {
  const response = await app.fetch(path, init);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '',
    // response.text() would drop a byte-order mark; the CSV's is part of what is tested.
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()),
  };
}

const post = (path: string, body: unknown) => download(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const uniqueEdgeCount = (result: Result) => new Set(result.edges.map((edge) => edge.id)).size;

function parseGraphml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    htmlEntities: true,
    parseTagValue: false,
    isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
  });
  type Element = { '@_id': string; '@_source'?: string; '@_target'?: string; data: { '@_key': string; '#text'?: string }[] };
  const doc = parser.parse(xml) as { graphml: { key: { '@_id': string; '@_attr.name': string }[]; graph: { node: Element[]; edge: Element[] } } };
  const names = new Map(doc.graphml.key.map((key) => [key['@_id'], key['@_attr.name']]));
  const values = (element: Element) => Object.fromEntries(element.data.map((data) => [names.get(data['@_key']), data['#text'] ?? '']));
  return { graph: doc.graphml.graph, values };
}

const readCsv = (text: string) => parse(text, { bom: true, columns: true }) as Record<string, string>[];

describe('GET /api/export/chain/:id/:format', () => {
  it('exports the chain as Cytoscape JSON that Cytoscape.js loads, with the chains and citations', async () => {
    const file = await download('/api/export/chain/syn-detainee-0000001/cytoscape');
    expect(file.status).toBe(200);
    expect(file.contentType).toMatch(/^application\/json/);
    expect(file.disposition).toBe('attachment; filename=xpf-chain-syn-detainee-0000001.cytoscape.json');
    const exported = JSON.parse(file.text);
    const cy = cytoscape({ headless: true, elements: exported.elements });
    expect(cy.nodes()).toHaveLength(chain.nodes.length);
    expect(cy.edges()).toHaveLength(uniqueEdgeCount(chain));
    expect(cy.$id('xi_jinping').data()).toMatchObject({ label: 'Xi Jinping', kind: 'Official', nameZh: '习近平' });
    expect(cy.$id('syn-detainee-0000001').data('synthetic')).toBe(true);
    expect(exported.data.paths).toEqual(chain.paths);
    expect(exported.data.citations.s_simplewiki_xi.url).toMatch(/^https:\/\//);
  });

  it('exports the chain as GraphML an XML parser reads back: every node and edge, names in Chinese characters intact', async () => {
    const file = await download('/api/export/chain/syn-detainee-0000001/graphml');
    expect(file.status).toBe(200);
    expect(file.contentType).toMatch(/^application\/graphml\+xml/);
    expect(file.disposition).toContain('filename=xpf-chain-syn-detainee-0000001.graphml');
    const { graph, values } = parseGraphml(file.text);
    expect(graph.node).toHaveLength(chain.nodes.length);
    expect(graph.edge).toHaveLength(uniqueEdgeCount(chain));
    const xi = graph.node.find((node) => node['@_id'] === 'xi_jinping')!;
    expect(values(xi)).toMatchObject({ label: 'Xi Jinping', nameZh: '习近平', synthetic: 'false' });
    const post = chain.edges.find((edge) => edge.type === 'HELD_POST')!;
    const exportedPost = graph.edge.find((edge) => edge['@_id'] === post.id)!;
    expect([exportedPost['@_source'], exportedPost['@_target']]).toEqual([post.source, post.target]);
    expect(values(exportedPost)).toMatchObject({
      type: 'HELD_POST',
      title: 'General Secretary of the CCP Central Committee',
      chains: expect.stringMatching(/^1(;|$)/),
    });
  });

  it('exports nodes.csv and edges.csv, one download each, that a CSV parser reads back', async () => {
    const nodes = await download('/api/export/chain/syn-detainee-0000001/csv?part=nodes');
    expect(nodes.status).toBe(200);
    expect(nodes.contentType).toMatch(/^text\/csv; charset=utf-8/);
    expect(nodes.disposition).toContain('filename=xpf-chain-syn-detainee-0000001-nodes.csv');
    expect(nodes.text.startsWith('\uFEFFid,labels,kind,name,confidence,synthetic,sources,')).toBe(true);
    const nodeRows = readCsv(nodes.text);
    expect(nodeRows).toHaveLength(chain.nodes.length);
    expect(nodeRows.find((row) => row.id === 'syn-detainee-0000001')).toMatchObject({ kind: 'Detainee', synthetic: 'true', nameZh: '库尔班·依明（合成）' });

    const edges = await download('/api/export/chain/syn-detainee-0000001/csv?part=edges');
    expect(edges.status).toBe(200);
    const edgeRows = readCsv(edges.text);
    expect(edgeRows).toHaveLength(uniqueEdgeCount(chain));
    const weakest = chain.paths[0]!.attributes.weakestLinkId as string;
    expect(edgeRows.find((row) => row.id === weakest)!.weakestLinkOf!.split(';')).toContain('1');
    for (const row of edgeRows) expect(row.sources!.split(';').every((id) => chain.citations[id])).toBe(true);
  });

  it('exports an evidence report that names each chain, its links with sources, and its weakest link', async () => {
    const file = await download('/api/export/chain/syn-detainee-0000001/report');
    expect(file.status).toBe(200);
    expect(file.contentType).toMatch(/^text\/markdown/);
    expect(file.disposition).toContain('filename=xpf-chain-syn-detainee-0000001-evidence-report.md');
    const text = file.text;
    expect(text.startsWith('# Chain-of-command evidence report: Qurban Imin (synthetic D-000001)')).toBe(true);
    expect(text).toContain('- Origin: the server ran this query against the graph database');
    expect(text).toContain('- As of: no date given');

    const sections = text.split(/\n(?=## )/);
    const chainSections = sections.filter((section) => section.startsWith('## Chain '));
    // Chains through the same links are listed once, in the server's order.
    const unique = [...new Map(chain.paths.map((path) => [path.edges.join(' '), path])).values()];
    expect(chainSections).toHaveLength(unique.length);
    unique.forEach((path, i) => {
      const section = chainSections[i]!;
      expect(section).toContain(`- Strength: **${path.attributes.strength}**`);
      // The weakest link's number points at the item that carries its id.
      const number = Number(/- Weakest link: link (\d+),/.exec(section)![1]);
      const item = section.split(/\n(?=\d+\. )/).find((part) => part.startsWith(`${number}. `))!;
      expect(item).toContain(`- Link: id \`${path.attributes.weakestLinkId}\``);
      expect(item).toContain('(**the weakest link of this chain**)');
    });
    expect(chainSections[0]).toMatch(
      // Names with their Chinese characters beside them, where the record has them.
      /- Synthetic: \*\*SYNTHETIC\*\*: this link, Qurban Imin \(synthetic D-000001\)( \([^)]+\))? and Synthetic detention centre F-00008 are generated test data/,
    );
    const exhibits = sections.find((section) => section.startsWith('## Exhibits'))!;
    expect(exhibits).toContain('<https://simple.m.wikipedia.org/wiki/Xi_Jinping>');
    expect(exhibits).toMatch(/^1\. .*id `/m);
    // A filing names sources, not the files of the machine that made it.
    expect(text).not.toMatch(/\.json\)|shared\/reference/);
    expect(text).toContain('- Query: Chain of command');
    expect(text).toContain(`- Analyst: ${app.username}`);
    expect(text).toMatch(/- Graph state: fingerprint [0-9a-f]{64} /);
  });

  it("exports the same report as a PDF, its text the Markdown report's facts, Chinese names as characters", async () => {
    // A mid-year on which the detainee has a chain, found rather than assumed: the report then has exhibits.
    let asOf = '';
    let dated: Result | undefined;
    for (let year = 2014; year <= 2023 && !asOf; year++) {
      dated = Result.parse((await app.get(`/api/chain/syn-detainee-0000001?asOf=${year}-06-30`)).body);
      if (dated.paths.length > 0) asOf = `${year}-06-30`;
    }
    expect(asOf, 'a mid-year on which the detainee has a chain').not.toBe('');
    const response = await app.fetch(`/api/export/chain/syn-detainee-0000001/pdf?asOf=${asOf}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`filename=xpf-chain-syn-detainee-0000001-as-of-${asOf}-evidence-report.pdf`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const parser = new PDFParse({ data: bytes });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    const chinese = dated!.nodes.map((node) => node.properties.nameZh).filter((name): name is string => typeof name === 'string');
    expect(chinese.length, 'the chain reaches a body or person with a Chinese name').toBeGreaterThan(0);
    for (const name of chinese) expect(text).toContain(name);
    expect(text).toContain(`As of: ${asOf}`);
    expect(text).toContain('Exhibit 1.');
    expect(text).toMatch(/page 1 of \d+/);
  });

  /** A saved view of the chain, with these words. */
  const chainView = (title: string, notes: string) => ({
    title,
    notes,
    query: { name: 'chain-of-command', parameters: { id: 'syn-detainee-0000001' } },
    elements: { nodes: chain.nodes.map((node) => node.id), edges: [...new Set(chain.edges.map((edge) => edge.id))] },
    positions: {},
    layout: 'chain',
    filters: {},
    viewport: { zoom: 1, pan: { x: 0, y: 0 } },
  });

  it("stamps a report made from a saved view with the view's title and notes, and refuses a view the reader may not open", async () => {
    const saved = await app.post('/api/views', chainView('Detainee 1 to the top', 'Hypothesis: the county bureau answered to the prefecture.'));
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const id = (saved.body as { view: { id: string } }).view.id;
    const file = await download(`/api/export/chain/syn-detainee-0000001/report?view=${id}`);
    expect(file.status).toBe(200);
    expect(file.text).toContain('- Saved view: Detainee 1 to the top');
    expect(file.text).toContain("## The analyst's notes (not evidence)\n\n> Hypothesis: the county bureau answered to the prefecture.");
    expect((await download(`/api/export/chain/syn-detainee-0000001/report?view=${randomUUID()}`)).status).toBe(404);
    expect((await download('/api/export/chain/syn-detainee-0000001/report?view=no-such-view')).status).toBe(400);
  });

  it("withholds another analyst's view title and notes from a viewer's report and PDF made from it, as the view itself does", async () => {
    const saved = await app.post('/api/views', chainView('Zzqv Testname dossier', 'Zzqv Testname, ID 650102194701011234, lives at 9 Qwqwq Lane.'));
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const id = (saved.body as { view: { id: string } }).view.id;
    expect((await app.put(`/api/views/${id}/visibility`, { visibility: 'shared' })).status).toBe(200);
    const viewer = await app.login('viewer');
    const opened = await viewer.get(`/api/views/${id}`);
    expect(opened.status).toBe(200);
    const standIn: string = opened.body.document.title;
    expect(standIn).toMatch(/\(title withheld\)$/);

    const report = await viewer.fetch(`/api/export/chain/syn-detainee-0000001/report?view=${id}`);
    expect(report.status).toBe(200);
    const text = await report.text();
    // The title the view opens with for this reader, and no notes: the report shows what the view does.
    expect(text).toContain(`- Saved view: ${standIn}`);
    expect(text).not.toContain("The analyst's notes");
    const pdf = await viewer.fetch(`/api/export/chain/syn-detainee-0000001/pdf?view=${id}`);
    expect(pdf.status).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    const pdfText = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    for (const words of [text, pdfText]) for (const secret of ['Zzqv', '650102194701011234', 'Qwqwq']) expect(words).not.toContain(secret);

    // Its owner's report still carries them.
    const own = await download(`/api/export/chain/syn-detainee-0000001/report?view=${id}`);
    expect(own.text).toContain('- Saved view: Zzqv Testname dossier');
    expect(own.text).toContain('> Zzqv Testname, ID 650102194701011234, lives at 9 Qwqwq Lane.');
  });

  it('exports the chain on a date, and says which', async () => {
    const file = await download('/api/export/chain/org_xuar_pc/report?asOf=2011-01-01');
    expect(file.status).toBe(200);
    expect(file.disposition).toContain('filename=xpf-chain-org_xuar_pc-as-of-2011-01-01-evidence-report.md');
    expect(file.text).toContain('- As of: 2011-01-01; only links in force on that date count');
    expect(file.text).not.toContain('Xi Jinping');
  });

  it('exports a node with no chain as a report that says so', async () => {
    const file = await download('/api/export/chain/s_icij_xpf/report');
    expect(file.status).toBe(200);
    expect(file.text).toContain('This result holds no chain of command.');
  });
});

describe('POST /api/export/:format', () => {
  let search: Result;
  beforeAll(async () => {
    search = Result.parse((await app.get('/api/search?q=chen')).body);
    expect(search.nodes.length).toBeGreaterThan(0);
  });

  it('exports a posted search result in every format, each parsed back', async () => {
    const json = await post('/api/export/cytoscape', { result: search });
    expect(json.status).toBe(200);
    expect(json.disposition).toContain('filename=xpf-full-text-names.cytoscape.json');
    expect(cytoscape({ headless: true, elements: JSON.parse(json.text).elements }).nodes()).toHaveLength(search.nodes.length);

    const graphml = await post('/api/export/graphml', { result: search });
    expect(graphml.status).toBe(200);
    expect(parseGraphml(graphml.text).graph.node).toHaveLength(search.nodes.length);

    const nodes = await post('/api/export/csv?part=nodes', { result: search });
    expect(nodes.status).toBe(200);
    expect(readCsv(nodes.text).map((row) => row.id)).toEqual(search.nodes.map((node) => node.id));
    const edges = await post('/api/export/csv?part=edges', { result: search });
    expect(edges.status).toBe(200);
    expect(readCsv(edges.text)).toHaveLength(uniqueEdgeCount(search));

    const report = await post('/api/export/report', { result: search });
    expect(report.status).toBe(200);
    expect(report.text).toContain('- Origin: formatted from a result submitted to the export service; it was not re-run');
    expect(report.text).toContain('This result holds no chain of command.');
  });

  it('exports a posted chain the same as the server-run one, but for its origin', async () => {
    const posted = await post('/api/export/graphml', { result: chain });
    const fetched = await download('/api/export/chain/syn-detainee-0000001/graphml');
    // durationMs differs between runs; nothing in the GraphML depends on it.
    expect(posted.text).toBe(fetched.text);
  });
});

describe('bad export requests', () => {
  it('answers 400 naming the field: format, part, asOf, an unknown parameter, the body', async () => {
    const field = async (download: Promise<Download>) => {
      const { status, contentType, text } = await download;
      expect(status).toBe(400);
      expect(contentType).toContain('application/problem+json');
      return (JSON.parse(text) as { errors: { field: string }[] }).errors.map((error) => error.field);
    };
    expect(await field(download('/api/export/chain/syn-detainee-0000001/docx'))).toEqual(['format']);
    expect(await field(post('/api/export/docx', { result: chain }))).toEqual(['format']);
    expect(await field(download('/api/export/chain/syn-detainee-0000001/csv'))).toEqual(['part']);
    expect(await field(download('/api/export/chain/syn-detainee-0000001/csv?part=both'))).toEqual(['part']);
    expect(await field(download('/api/export/chain/syn-detainee-0000001/graphml?part=nodes'))).toEqual(['part']);
    expect(await field(download('/api/export/chain/syn-detainee-0000001/report?asOf=2018-13-45'))).toEqual(['asOf']);
    // A misspelt date must not quietly give a report on every date.
    expect(await field(download('/api/export/chain/syn-detainee-0000001/report?asof=2018-01-01'))).toEqual(['asof']);
    expect(await field(download('/api/export/chain/syn-detainee-0000001/report?limit=0'))).toEqual(['limit']);
    expect(await field(download(`/api/export/chain/${encodeURIComponent("x' OR 1=1 //")}/report`))).toEqual(['id']);
    expect(await field(post('/api/export/report', {}))).toEqual(['result']);
    expect(await field(post('/api/export/report', { result: { ...chain, nodes: [{ id: 1 }] } }))).toEqual([
      'result.nodes.0.id',
      'result.nodes.0.labels',
      'result.nodes.0.properties',
    ]);
    expect(await field(post('/api/export/report', { result: chain, extra: true }))).toEqual(['(body)']);
  });

  it('answers 400 naming the field for an id over 200 characters, a query name too long, or a text past its limit', async () => {
    const field = async (result: unknown) => {
      const { status, text } = await post('/api/export/graphml', { result });
      expect(status, text.slice(0, 300)).toBe(400);
      return (JSON.parse(text) as { errors: { field: string; reason: string }[] }).errors;
    };
    const longId = 'x'.repeat(201);
    expect(await field({ ...chain, nodes: [{ ...chain.nodes[0]!, id: longId }] })).toEqual([
      { field: 'result.nodes.0.id', reason: 'must be at most 200 characters' },
    ]);
    expect(await field({ ...chain, meta: { ...chain.meta, query: 'q'.repeat(5_000) } })).toEqual([
      { field: 'result.meta.query', reason: 'must be at most 200 characters' },
    ]);
    const properties = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`p${i}`, i]));
    expect((await field({ ...chain, nodes: [{ ...chain.nodes[0]!, properties }] }))[0]).toEqual({
      field: 'result.nodes.0.properties',
      reason: 'must have at most 100 keys',
    });
  });

  it('answers 400 for JSON nested deeper than the limit, on the export route and every other', async () => {
    const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    const exported = await download('/api/export/cytoscape', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"result": {"nodes": [], "edges": [], "paths": [], "citations": {}, "meta": {"query": "q", "durationMs": 1, "truncated": false, "parameters": {"x": ${deep(50)}}}}}`,
    });
    expect(exported.status).toBe(400);
    expect(JSON.parse(exported.text).errors).toEqual([{ field: '(body)', reason: 'nests deeper than 16 levels' }]);
    for (const path of ['/api/queries/node-details', '/api/views', '/api/admin/cypher']) {
      const answer = await app.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"params": ${deep(20_000)}}` });
      expect(answer.status, path).toBe(400);
      expect((await answer.json()).errors, path).toEqual([{ field: '(body)', reason: 'nests deeper than 32 levels' }]);
    }
  });

  it('answers 413 naming the limit for more elements than an export may hold', async () => {
    const many = Array.from({ length: 20_001 }, (_, i) => ({ id: `n${i}`, labels: ['Place'], properties: {} }));
    const { status, text } = await post('/api/export/csv?part=nodes', { result: { ...chain, nodes: many, edges: [] } });
    expect(status).toBe(413);
    expect(JSON.parse(text)).toMatchObject({
      status: 413,
      title: 'Export too large',
      detail: 'An export holds at most 20,000 nodes and relationships together; this one has 20,001.',
    });
  });

  it('answers 404 for an unknown id, as a problem document', async () => {
    const missing = await download('/api/export/chain/no-such-node/report');
    expect(missing.status).toBe(404);
    expect(missing.contentType).toContain('application/problem+json');
    expect(missing.disposition).toBe('');
  });
});

describe('the export body parser', () => {
  it('reads a result past the app-wide 100 kB body limit, which still applies elsewhere', async () => {
    const big: Result = {
      ...chain,
      nodes: Array.from({ length: 3_000 }, (_, i) => ({ id: `n${i}`, labels: ['Place'], properties: { name: `Place ${i} ${'x'.repeat(300)}` } })),
    };
    const body = JSON.stringify({ result: big });
    expect(body.length).toBeGreaterThan(1_000_000);
    const post = (path: string) => app.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const exported = await post('/api/export/csv?part=nodes');
    expect(exported.status).toBe(200);
    expect(readCsv(await exported.text())).toHaveLength(3_000);
    expect((await post('/api/queries/graph-statistics')).status).toBe(413);
  });
});
