// The offline importer's CSV as written: a file group per kind, headers typed from the values seen,
// quoting that survives commas, quotes and lines, and rows the importer could not store faithfully refused.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeRow, RelationshipRow } from '../../contract/graph-rows.ts';
import { ARRAY_DELIMITER, ImportCsvWriter } from './import-csv.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xpf-csv-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const doc = NodeRow.parse({ id: 'd1', labels: ['Document'], properties: { name: 'Register, "vol. 2"', collection: 'Leak', pages: 2 } });
const camp = (id: string, latitude: number) =>
  NodeRow.parse({ id, labels: ['Facility'], properties: { name: `Camp ${id}`, facilityType: 'camp', latitude, sources: ['d1'], confidence: 'reported' } });
const guard = NodeRow.parse({
  id: 'g1',
  labels: ['Guard', 'Person'],
  properties: { name: 'Guard One', notes: 'first line\nsecond', sources: ['d1'], confidence: 'inferred', synthetic: true },
});
const posted = RelationshipRow.parse({
  id: 'a1',
  type: 'ASSIGNED_TO',
  source: 'g1',
  target: 'f1',
  properties: { from: '2017-01-01', role: 'gate guard', sources: ['d1'], confidence: 'confirmed' },
});

async function text(file: string): Promise<string> {
  return (await readFile(file, 'utf8')).replaceAll(ARRAY_DELIMITER, '|');
}

describe('ImportCsvWriter', () => {
  it('writes a header and data file per kind, types from the values seen, lists and labels split by the delimiter', async () => {
    const writer = await ImportCsvWriter.create(dir, null);
    await writer.add({ nodes: [doc, camp('f1', 41), guard], relationships: [posted] });
    await writer.add({ nodes: [camp('f2', 39.25)], relationships: [] });
    const input = await writer.finish();

    const facility = input.nodes.find((group) => group.files[0]!.endsWith('nodes-Facility.header.csv'))!;
    const header = (await text(facility.files[0]!)).trim().split(',');
    expect(header.slice(0, 2)).toEqual(['id:ID', ':LABEL']);
    // 41 then 39.25: a column of doubles. Never-seen columns stay strings.
    expect(header).toContain('latitude:double');
    expect(header).toContain('sources:string[]');
    expect(header).toContain('synthetic:boolean');
    expect(header).toContain('capacity:string');
    const rows = (await text(facility.files[1]!)).trim().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^"f1","Entity\|Facility",/);
    expect(rows[0]).toContain(',41,');
    expect(rows[1]).toContain(',39.25,');

    const documents = input.nodes.find((group) => basename(group.files[0]!) === 'nodes-Document.header.csv')!;
    expect(await text(documents.files[1]!)).toContain('"Register, ""vol. 2"""');
    expect(documents.multiline).toBe(false);
    const people = input.nodes.find((group) => basename(group.files[0]!) === 'nodes-Person.header.csv')!;
    expect(people.multiline).toBe(true);
    expect(await text(people.files[1]!)).toMatch(/^"g1","Entity\|Guard\|Person",/);

    const [links] = input.relationships;
    expect((await text(links!.files[0]!)).trim().split(',')).toEqual(
      expect.arrayContaining([':START_ID', ':END_ID', ':TYPE', 'id:string', 'from:date', 'to:date']),
    );
    expect(await text(links!.files[1]!)).toMatch(/^"g1","f1",ASSIGNED_TO,"a1",/);
    expect(input.arrayDelimiter).toBe(ARRAY_DELIMITER);
  });

  it('links each element to a user import, and leaves the seed unlinked as the online path does', async () => {
    const linked = await ImportCsvWriter.create(join(dir, 'linked'), 'import:abc');
    await linked.add({ nodes: [doc], relationships: [] });
    const [group] = (await linked.finish()).nodes;
    expect(await text(group!.files[1]!)).toContain('"import:abc"');
    expect(await text(group!.files[0]!)).toContain('imports:string[]');

    const seed = await ImportCsvWriter.create(join(dir, 'seed'), null);
    await seed.add({ nodes: [{ ...doc, properties: { ...doc.properties, imports: ['stale'] } }], relationships: [] });
    const [seedGroup] = (await seed.finish()).nodes;
    expect(await text(seedGroup!.files[1]!)).not.toContain('stale');
  });

  it('refuses a value holding the list delimiter, and a property outside the model', async () => {
    const writer = await ImportCsvWriter.create(dir, null);
    const hidden = { ...doc, properties: { ...doc.properties, name: `two${ARRAY_DELIMITER}parts` } };
    await expect(writer.add({ nodes: [hidden], relationships: [] })).rejects.toThrow(/control character U\+001F/);
    const stray = { ...doc, id: 'd2', properties: { ...doc.properties, colour: 'red' } };
    await expect(writer.add({ nodes: [stray], relationships: [] })).rejects.toThrow('node d2: properties outside the model (colour)');
  });
});
