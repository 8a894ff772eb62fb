// A chain deeper than the chain query's ceilings is reported as cut, never answered as "no chain":
// an organogram of ten reporting steps (tests/fixtures/import/mapped/organogram.csv) imported under
// its own namespace, with only its director's post in the central bureau (so every chain climbs
// the whole reporting line), its chains asked from the middle and from the bottom.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Result } from '../../contract/result.ts';
import { runMappedImport } from '../../server/import/engine/mapped-import.ts';
import { parseMapping } from '../../server/import/mapping/load-mapping.ts';
import { fetchChain } from '../../server/queries/fetch-chain.ts';
import { startTestApp, testExecutor, type TestApp } from '../support/neo4j.ts';

const NAMESPACE = 'test-chain-organogram';
let app: TestApp;
let scratch: string;

beforeAll(async () => {
  app = await startTestApp();
  scratch = await mkdtemp(join(tmpdir(), 'test-chain-'));
  // The deputies' posts move to the regional office: a chain reaches the centre only through the director.
  const csv = (await readFile('tests/fixtures/import/mapped/organogram.csv', 'utf8')).replaceAll(
    /^(P0[12],.*),Test Organogram Central Bureau,central,/gm,
    '$1,Test Organogram Regional Office,region,',
  );
  expect(csv.match(/Central Bureau/g)).toHaveLength(1);
  const path = join(scratch, 'organogram.csv');
  await writeFile(path, csv);
  const text = await readFile('tests/fixtures/import/mapped/organogram.yaml', 'utf8');
  const graph = await testExecutor(app.driver, 600_000);
  const result = await runMappedImport(graph, {
    path,
    name: 'organogram.csv',
    mapping: parseMapping('organogram.yaml', text.replace('namespace: test-organogram', `namespace: ${NAMESPACE}`)),
    who: 'test-chain',
  });
  expect(result.status).toBe('complete');
  // Planning the chain queries takes most of a first request on a busy machine: done here, outside
  // the request budget, so the tests below time what they test.
  for (const post of ['P08', 'P10']) await fetchChain(graph, { id: `${NAMESPACE}:person:${post}` });
});
afterAll(async () => {
  await app.driver.executeQuery('MATCH (node:Entity) WHERE node.id STARTS WITH $prefix DETACH DELETE node', { prefix: `${NAMESPACE}:` });
  await app.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('chains past a ceiling', () => {
  it('climbs eight reporting steps to the top of the organogram', async () => {
    const result = Result.parse((await app.get(`/api/chain/${NAMESPACE}:person:P08`)).body);
    expect(result.paths.length).toBeGreaterThan(0);
    const [chain] = result.paths;
    expect(chain!.nodes.slice(0, 9)).toEqual(['P08', 'P07', 'P06', 'P05', 'P04', 'P03', 'P02', 'P01', 'P00'].map((post) => `${NAMESPACE}:person:${post}`));
    expect(result.meta.truncated).toBe(false);
    expect(result.meta.warnings).toBeUndefined();
  });

  it('says a chain of ten reporting steps was cut at the ceiling of eight, instead of "no chain"', async () => {
    const result = Result.parse((await app.get(`/api/chain/${NAMESPACE}:person:P10`)).body);
    expect(result.paths).toEqual([]);
    expect(result.meta.truncated).toBe(true);
    expect(result.meta.warnings).toEqual(["A reporting line goes on past 8 steps, the chain query's ceiling: chains through it are not shown."]);
  });
});
