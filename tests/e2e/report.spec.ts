// In a real browser on the real app and seed: the evidence report of a drawn chain, downloaded as PDF
// and read back (Chinese names, exhibits, the stamp), its first page rendered for a reviewer; the
// Markdown made by the server too; and pictures that carry a title, the date and a legend.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../contract/result.ts';
import type { TestApp } from '../support/neo4j.ts';
import { artifacts, nameOf, resultOf, startBrowserSession, type BrowserSession } from './browser-session.ts';
import type { ExplorerPage } from './explorer-page.ts';

const detainee = 'syn-detainee-0000001';
/** Mid-years the slider can reach; the report is made on the first on which the detainee has a chain (found, not assumed). */
const candidateDates = Array.from({ length: 10 }, (_, i) => `${2014 + i}-06-30`);
let asOf = '';

let session: BrowserSession | undefined;
let app: TestApp;
let explorer: ExplorerPage;
let chain: Result;

beforeAll(async () => {
  session = await startBrowserSession();
  ({ app, explorer } = session);
  for (const date of candidateDates) {
    chain = await resultOf(app.get(`/api/chain/${detainee}?asOf=${date}`));
    if (chain.paths.length > 0) {
      asOf = date;
      break;
    }
  }
  expect(asOf, `a mid-year on which ${detainee} has a chain of command`).not.toBe('');
  await explorer.search(nameOf(chain.nodes.find((node) => node.id === detainee)!)).openChain(detainee);
  await explorer.setAsOf(asOf);
  await explorer.settled('chain', `as of ${asOf}`);
});

afterAll(async () => {
  await session?.close();
});

async function exported(format: string): Promise<{ name: string; bytes: Buffer }> {
  // The formats sit in the toolbar's one export menu: opened first, as an analyst does.
  const toggle = explorer.page.locator('#export-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const [download] = await Promise.all([
    explorer.page.waitForEvent('download', { timeout: 60_000 }),
    explorer.page.locator(`#export-menu button[data-format="${format}"]`).click(),
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  await explorer.page.locator('#export-status[data-state="done"]').waitFor();
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

describe('reports fit for a filing', () => {
  it('downloads the chain as a PDF report made by the server: Chinese names, exhibits, the stamp, page numbers', async () => {
    const pdf = await exported('pdf');
    expect(pdf.name).toBe(`xpf-chain-${detainee}-as-of-${asOf}-evidence-report.pdf`);
    const parser = new PDFParse({ data: new Uint8Array(pdf.bytes) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();

    const chinese = chain.nodes.map((node) => node.properties.nameZh).filter((name): name is string => typeof name === 'string');
    expect(chinese.length, 'the chain names people or bodies in Chinese').toBeGreaterThan(0);
    for (const name of chinese) expect(text).toContain(name);
    for (const node of chain.nodes) expect(text).toContain(nameOf(node));
    const cited = new Set(chain.edges.flatMap((edge) => (edge.properties.sources as string[] | undefined) ?? []).filter((id) => chain.citations[id]));
    expect(cited.size).toBeGreaterThan(0);
    for (let exhibit = 1; exhibit <= cited.size; exhibit++) expect(text).toContain(`Exhibit ${exhibit}.`);
    for (const id of cited) expect(text).toContain(chain.citations[id]!.name.slice(0, 30));
    expect(text).toContain(`Analyst: ${app.username}`);
    expect(text).toContain('Query: Chain of command');
    expect(text).toContain(`As of: ${asOf}`);
    expect(text).toContain('Origin: the server ran this query against the graph database');
    expect(text).toMatch(/page 1 of \d+/);

    const file = `${artifacts}evidence-report.pdf`;
    await writeFile(file, pdf.bytes);
    // Debian's poppler-utils (.ci/run installs it): the first page as a picture a reviewer looks at.
    expect(existsSync('/usr/bin/pdftoppm'), 'pdftoppm renders the report: apt-get install poppler-utils').toBe(true);
    await promisify(execFile)('/usr/bin/pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, `${artifacts}evidence-report-page-1`]);
    expect(existsSync(`${artifacts}evidence-report-page-1.png`)).toBe(true);
  });

  it('downloads the Markdown report of the same chain, run by the server, never formatted from what the browser holds', async () => {
    const markdown = (await exported('report')).bytes.toString('utf8');
    expect(markdown).toContain('- Origin: the server ran this query against the graph database');
    expect(markdown).toContain(`- As of: ${asOf}`);
    expect(markdown).toContain('## Exhibits');
    expect(markdown).not.toMatch(/shared\/reference|\.json\)/);
  });

  it('exports PNG and SVG pictures under a title and the date, with a legend of what they draw', async () => {
    const title = `Chain of command: ${nameOf(chain.nodes.find((node) => node.id === detainee)!)}`;
    const svg = (await exported('svg')).bytes.toString('utf8');
    const texts: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'text')
            for (const item of [inner].flat())
              texts.push(typeof item === 'object' && item ? String((item as { '#text'?: unknown })['#text'] ?? '') : String(item));
          else walk(inner);
        }
      }
    };
    walk(new XMLParser({ ignoreAttributes: false }).parse(svg));
    expect(texts).toContain(title);
    expect(texts.some((text) => new RegExp(`^Made \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC with xpf-explorer; as of ${asOf}`).test(text))).toBe(true);
    expect(texts).toContain('Detainees');
    expect(texts).toContain('Officials');

    const png = PNG.sync.read((await exported('png')).bytes);
    const drawing = await explorer.page.evaluate(() => {
      const blob = window.__xpf!.cy.png({ full: true, scale: 2, output: 'base64' });
      return blob.length;
    });
    expect(drawing).toBeGreaterThan(0);
    // The title band: dark pixels (the title's letters) in the top 64 points, above the drawing.
    let dark = 0;
    for (let y = 20; y < 70; y++) for (let x = 40; x < 600; x++) if (png.data[(y * png.width + x) * 4]! < 100) dark++;
    expect(dark, 'the title is drawn above the graph').toBeGreaterThan(200);
    await explorer.screenshot(`${artifacts}report-exported.png`);
    expect(explorer.cspViolations).toEqual([]);
  });
});
