// Import in the browser, against the real app and Chromium: each example of
// tests/fixtures/import/mapped/ uploaded, mapped with its mapping file, previewed on the small
// canvas, checked, imported with its progress, then undone; the command line then imports the same
// file with the same mapping to the same graph. Under their own namespaces (test-e2e-…).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toJson } from '../../server/graph/to-json.ts';
import { startBrowserSession, type BrowserSession } from './browser-session.ts';
import { ImportPage } from './import-page.ts';

const dir = 'tests/fixtures/import/mapped';
let session: BrowserSession;
let scratch: string;

beforeAll(async () => {
  session = await startBrowserSession();
  scratch = await mkdtemp(join(tmpdir(), 'test-e2e-import-'));
});
afterAll(async () => {
  await session.app.driver.executeQuery("MATCH (node:Entity) WHERE node.id STARTS WITH 'test-e2e-' DETACH DELETE node");
  await session?.close();
  await rm(scratch, { recursive: true, force: true });
});

/** The elements a namespace holds, as plain JSON without which import wrote them. */
async function graphOf(namespace: string) {
  const driver = session.app.driver;
  const strip = (properties: unknown) => Object.fromEntries(Object.entries(toJson(properties) as Record<string, unknown>).filter(([key]) => key !== 'imports'));
  const nodes = await driver.executeQuery(
    'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN n.id AS id, labels(n) AS labels, properties(n) AS p ORDER BY id',
    { prefix: `${namespace}:` },
  );
  const links = await driver.executeQuery(
    'MATCH (a)-[r]->(b) WHERE r.id STARTS WITH $prefix RETURN r.id AS id, type(r) AS type, a.id AS a, b.id AS b, properties(r) AS p ORDER BY id',
    { prefix: `${namespace}:` },
  );
  return {
    nodes: nodes.records.map((record) => [record.get('id'), [...record.get('labels')].sort(), strip(record.get('p'))]),
    links: links.records.map((record) => [record.get('id'), record.get('type'), record.get('a'), record.get('b'), strip(record.get('p'))]),
  };
}

function runCli(args: string[]) {
  const neo4jTest = inject('neo4j');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import-cli.ts', ...args, '--as', 'test-e2e'], {
    env: { ...process.env, NEO4J_URI: neo4jTest.uri, NEO4J_USER: neo4jTest.user, NEO4J_PASSWORD: neo4jTest.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** The examples in the order their references need: facilities before the roster that names them. */
const examples = [
  { file: 'facilities.csv', mapping: 'facilities.yaml', namespace: 'test-facilities', nodes: 4, edges: 0 },
  { file: 'divisions.csv', mapping: 'divisions.yaml', namespace: 'test-divisions', nodes: 6, edges: 5 },
  { file: 'organogram.csv', mapping: 'organogram.yaml', namespace: 'test-organogram', nodes: 14, edges: 21 },
  { file: 'roster-gb18030.csv', mapping: 'roster.yaml', namespace: 'test-roster', nodes: 7, edges: 4, encoding: 'GB18030' },
  { file: 'sanctions.json', mapping: 'sanctions.yaml', namespace: 'test-sanctions', nodes: 4, edges: 2 },
];

describe('import in the browser', () => {
  it('imports each example through the browser and through the command line to the same graph', { timeout: 1_500_000 }, async () => {
    const page = new ImportPage(session.explorer.page);
    await page.open();
    for (const example of examples) {
      const namespace = example.namespace.replace('test-', 'test-e2e-');
      // The roster's facilities are the e2e facility list's.
      const text = (await readFile(join(dir, example.mapping), 'utf8')).replaceAll(/namespace: test-(\w+)/g, 'namespace: test-e2e-$1');
      const read = await page.upload(join(dir, example.file));
      if (example.encoding) {
        expect(read).toBe('unreadable');
        // Nothing can be previewed, checked or imported until the file is read (the editor showing
        // was the previous example's, and its mapping would have been sent for this file).
        expect(await page.actionsEnabled()).toEqual({ preview: false, check: false, import: false });
        expect(await page.problem()).toMatch(new RegExp(`not valid UTF-8 at byte \\d+ .*it looks like ${example.encoding}`));
        // The guess is offered in the field, and an emptied field cannot be sent (it would read as no encoding).
        expect(await page.encodingOffered()).toEqual({ value: example.encoding, canRead: true });
        await session.explorer.page.locator('#import-encoding').fill('');
        expect(await page.encodingOffered()).toEqual({ value: '', canRead: false });
        await page.readAs(example.encoding);
      } else expect(read).toBe('inspected');
      expect(await page.actionsEnabled()).toEqual({ preview: true, check: true, import: true });
      await page.loadMapping(example.mapping, text);

      const preview = await page.preview();
      expect(preview.nodes, example.file).toBe(example.nodes);
      expect(preview.edges, example.file).toBe(example.edges);
      expect(preview.width).toBeGreaterThan(300);
      expect(preview.height).toBeGreaterThan(200);

      expect(await page.check(), example.file).toMatchObject({ state: 'checked', entries: [] });
      const done = await page.run();
      expect(done.progress).toMatch(/^complete: [\d,]+ of [\d,]+ rows · [\d,]+ rows\/s/);
      expect(done.summary).toMatch(/^\d+ rows read/);
      expect(done.reportHref).toMatch(/^\/api\/imports\/jobs\/.+\/report$/);
      const fromBrowser = await graphOf(namespace);
      expect(fromBrowser.nodes.length, example.file).toBeGreaterThan(0);

      // Undo (the browser's history), then the command line with the same mapping: the same graph.
      expect(await page.undoLatest(example.file)).toMatch(/^Undone: \d+ deleted/);
      expect((await graphOf(namespace)).nodes).toEqual([]);
      const mappingFile = join(scratch, example.mapping);
      await writeFile(mappingFile, text);
      const cli = await runCli([join(dir, example.file), '--mapping', mappingFile]);
      expect(cli.code, cli.output).toBe(0);
      expect(await graphOf(namespace)).toEqual(fromBrowser);
    }
  });

  it('offers the encoding a check found past the first MiB, and reads the file in it keeping the mapping', { timeout: 600_000 }, async () => {
    // The first MiB is ASCII, so the upload reads as UTF-8; Latin-1 names come after it.
    const path = join(scratch, 'latin-late.csv');
    const lines = ['no,name,city,note'];
    for (let row = 1; row <= 1_100; row++) lines.push(`${row},Test Latin ${row},Kashgar,${'x'.repeat(1_000)}`);
    lines.push('1101,Test Latin Ürümqi,Ürümqi,Außenstelle für Überwachung nördlich der Straße');
    await writeFile(path, Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
    const mapping = [
      'schemaVersion: 1',
      'name: Test late Latin-1',
      'namespace: test-e2e-latin',
      'confidence: reported',
      'source: { delimiter: "," }',
      'entities:',
      '  person: { kind: Detainee, key: [no], properties: { name: name, address: city, synthetic: { literal: true } } }',
      'unmapped: { drop: [note] }',
      '',
    ].join('\n');

    const page = new ImportPage(session.explorer.page);
    if (!(await session.explorer.page.locator('#import-dialog').isVisible())) await page.open();
    expect(await page.upload(path)).toBe('inspected');
    // Read as UTF-8, the field is there to read it otherwise, empty until named.
    expect(await page.encodingOffered()).toEqual({ value: '', canRead: false });
    await page.loadMapping('latin.yaml', mapping);
    expect(await page.checkFails()).toMatch(
      /^latin-late\.csv:1102: not valid UTF-8 at byte [\d,]+ .*it looks like ISO-8859-1: declare it \(the encoding field ISO-8859-1/,
    );
    expect(await page.encodingOffered()).toEqual({ value: 'ISO-8859-1', canRead: true });

    await session.explorer.page.locator('#import-reread').click();
    await page.settled(['inspected']);
    // The analyst's mapping stays (the columns are the same), with its own reading options, now
    // reading the file as ISO-8859-1; the page says whose mapping it is.
    const kept = await page.mappingText();
    expect(kept).toContain('test-e2e-latin');
    expect(kept).toMatch(/encoding: ISO-8859-1/);
    expect(kept).toMatch(/delimiter: ","/);
    expect(await session.explorer.page.locator('.import-origin').textContent()).toBe('Your mapping, kept: the file read again has the same columns.');
    expect(await page.check()).toMatchObject({ state: 'checked', entries: [] });
    expect((await page.run()).summary).toMatch(/^1,101 rows read \(ISO-8859-1\)/);
    const { records } = await session.app.driver.executeQuery(
      "MATCH (n:Detainee) WHERE n.id STARTS WITH 'test-e2e-latin:' AND n.name ENDS WITH 'Ürümqi' RETURN n.name AS name, n.address AS address",
    );
    expect(records.map((record) => [record.get('name'), record.get('address')])).toEqual([['Test Latin Ürümqi', 'Ürümqi']]);
  });

  it('does not offer import to a viewer', async () => {
    const viewer = await session.openPage(await import('../support/neo4j.ts').then(({ ensureTestUser }) => ensureTestUser(session.app.driver, 'viewer')));
    try {
      // Signed in (the account line shows), yet no import is offered; the analyst's page offers it.
      await viewer.page.locator('#account').waitFor({ state: 'visible' });
      expect(await viewer.page.locator('#import-open').isVisible()).toBe(false);
      expect(await session.explorer.page.locator('#import-open').isVisible()).toBe(true);
    } finally {
      await viewer.page.close();
    }
  });
});
