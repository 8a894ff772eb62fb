// validate: every row against the model, then against the file and the graph (a map stands in for it).
import { describe, expect, it } from 'vitest';
import { brokenNode, brokenRelationship, endKinds, sampleBundle, type Bundle } from '../../tests/fixtures/import/samples.ts';
import { readRows, readRowsFromFile } from './read-rows.ts';
import { formatEntry } from './report.ts';
import { validateRows, type LookupNodes } from './validate.ts';

/** A graph of the given nodes, counting the look-ups made of it. */
function graphOf(nodes: Record<string, string[]> = {}): LookupNodes & { calls: string[][] } {
  const calls: string[][] = [];
  const lookup = async (ids: string[]) => {
    calls.push(ids);
    return new Map(ids.filter((id) => id in nodes).map((id) => [id, nodes[id]!]));
  };
  return Object.assign(lookup, { calls });
}

const bundleRows = (bundle: Bundle) => readRows('b.json', JSON.stringify(bundle, null, 2));
const report = async (bundle: Bundle, graph = graphOf()) => (await validateRows(bundleRows(bundle), graph)).problems.map(formatEntry);

describe('validateRows', () => {
  it('passes one valid row of every kind, role and relationship type, with one look at the graph', async () => {
    const bundle = sampleBundle('t');
    const graph = graphOf();
    const valid = await validateRows(bundleRows(bundle), graph);
    expect(valid.problems).toEqual([]);
    expect(valid.nodes.map((node) => node.id)).toEqual(bundle.nodes.map((node) => node.id));
    expect(valid.relationships.map((link) => link.type)).toEqual(bundle.relationships.map((link) => link.type));
    expect(valid).toMatchObject({ rowCount: bundle.nodes.length + bundle.relationships.length, badRowCount: 0 });
    expect(graph.calls).toHaveLength(1);
    expect(graph.calls[0]).toEqual([...new Set([...bundle.nodes.map((node) => node.id), ...bundle.relationships.map((link) => link.id)])].sort());
  });

  it('refuses a bad row of every node kind, at its line, and keeps the good ones', async () => {
    const good = sampleBundle('t');
    const bundle = { nodes: [...good.nodes, ...good.nodes.map((node) => brokenNode({ ...node, id: `${node.id}-bad` }))], relationships: [] };
    const rows = bundleRows(bundle);
    const valid = await validateRows(rows, graphOf());
    expect(valid.nodes).toHaveLength(good.nodes.length);
    expect(valid.problems).toEqual(
      rows.nodes.slice(good.nodes.length).map(({ line }) => ({
        file: 'b.json',
        line,
        field: 'properties.confidence',
        reason: 'Invalid option: expected one of "confirmed"|"reported"|"inferred"',
      })),
    );
  });

  it('refuses a person whose id spells out their ID number, which every reader would see', async () => {
    const person = (id: string, idNumber: string) => ({
      id,
      labels: ['Person', 'Detainee'],
      name: 'Test Spelt',
      idNumber,
      sources: ['doc'],
      confidence: 'reported',
      synthetic: true,
    });
    const rows = bundleRows({
      nodes: [person('roster:650000-1990-0101-1234', '650000 1990 0101 1234'), person('roster:7', '650000199001011235')],
      relationships: [],
    });
    const valid = await validateRows(rows, graphOf({ doc: ['Entity', 'Document'] }));
    expect(valid.nodes.map((node) => node.id)).toEqual(['roster:7']);
    expect(valid.problems.map((problem) => `${problem.line} ${problem.field}: ${problem.reason}`)).toEqual([
      `${rows.nodes[0]!.line} id: holds the person's ID number, which every reader sees in an id: give the row an id without it (a mapping's key makes one: npm run import -- FILE --mapping M.yaml)`,
    ]);
  });

  it('refuses a link of every type whose source is a kind it does not join', async () => {
    const good = sampleBundle('t');
    const bundle = { nodes: good.nodes, relationships: good.relationships.map((link) => brokenRelationship(link, 't')) };
    const rows = bundleRows(bundle);
    const valid = await validateRows(rows, graphOf());
    expect(valid.relationships).toEqual([]);
    expect(valid.nodes).toHaveLength(good.nodes.length);
    expect(valid.problems).toEqual(
      rows.relationships.map(({ line, row }) => ({
        file: 'b.json',
        line,
        field: 'source',
        reason: `"t-figure" is a Figure; ${row.type as string} starts at ${endKinds(row.type as never, 'from')}`,
      })),
    );
    expect(valid.problems[0]!.reason).toBe('"t-figure" is a Figure; HELD_POST starts at a Person');
  });

  it('refuses a link to the wrong kind at its target, and says which kinds it takes', async () => {
    const bundle = sampleBundle('t');
    bundle.relationships = [{ ...bundle.relationships.find((link) => link.type === 'ADDRESSED_TO')!, target: 't-place' }];
    expect(await report(bundle)).toEqual([
      expect.stringMatching(/^b\.json:\d+ target: "t-place" is a Place; ADDRESSED_TO ends at an Organization or a Person or a Facility$/),
    ]);
  });

  it('reports the fixture bundle row by row, each at its line', async () => {
    const { rows } = await readRowsFromFile('tests/fixtures/import/bad-bundle.json');
    const valid = await validateRows(rows, graphOf({ s_icij_xpf: ['Document'], org_cmc: ['Organization'] }));
    expect(valid.problems.map(formatEntry)).toEqual([
      'tests/fixtures/import/bad-bundle.json:6 properties.nmae: is not a property of Person',
      'tests/fixtures/import/bad-bundle.json:7 properties.imports: is written by the importer, not read from a file',
      'tests/fixtures/import/bad-bundle.json:8 labels: must name exactly one kind (roles Official, Guard, Detainee go with Person)',
      'tests/fixtures/import/bad-bundle.json:9 labels: is required',
      'tests/fixtures/import/bad-bundle.json:10 id: "test-import-mixed-twice" is also the id of the row on line 11',
      'tests/fixtures/import/bad-bundle.json:11 id: "test-import-mixed-twice" is also the id of the row on line 10',
      'tests/fixtures/import/bad-bundle.json:12 properties.sources: "test-import-mixed-org" is an Organization, not a Document',
      'tests/fixtures/import/bad-bundle.json:12 properties.sources: "no-such-document" is not in the file or the graph',
      'tests/fixtures/import/bad-bundle.json:13 labels: "org_cmc" is an Organization in the graph; an import cannot make it a Person',
      'tests/fixtures/import/bad-bundle.json:14 (row): must be an object',
      'tests/fixtures/import/bad-bundle.json:17 target: "s_icij_xpf" is a Document; OPERATES ends at a Facility',
      'tests/fixtures/import/bad-bundle.json:18 target: "test-import-mixed-nowhere" is not in the file or the graph',
      'tests/fixtures/import/bad-bundle.json:19 properties.to: must not be before from',
      'tests/fixtures/import/bad-bundle.json:20 source: "test-import-mixed-typo" is the row on line 6, which is invalid',
      'tests/fixtures/import/bad-bundle.json:22 id: "s_icij_xpf" is the id of a node in the graph',
      expect.stringMatching(/^tests\/fixtures\/import\/bad-bundle\.json:23 type: Invalid option: expected one of "HELD_POST"\|/),
    ]);
    expect(valid.nodes.map((node) => node.id)).toEqual(['test-import-mixed-doc', 'test-import-mixed-org', 'test-import-mixed-guard']);
    expect(valid.relationships.map((link) => link.id)).toEqual(['test-import-mixed-post']);
    expect(valid).toMatchObject({ rowCount: 19, badRowCount: 15 });
  });

  it('refuses what cites a refused document, and what links to that, in turn', async () => {
    const text = JSON.stringify(
      {
        nodes: [
          { id: 'd-1', labels: ['Document'], name: 'D', collection: 'C', pages: 0 },
          { id: 'd-2', labels: ['Document'], name: 'D2', collection: 'C', sources: ['d-1'] },
          { id: 'p-1', labels: ['Person'], name: 'P', sources: ['d-2'], confidence: 'confirmed' },
          { id: 'p-2', labels: ['Person'], name: 'Q', sources: ['d-0'], confidence: 'confirmed' },
        ],
        relationships: [{ id: 'r-1', type: 'RELATED_TO', source: 'p-1', target: 'p-2', sources: ['d-0'], confidence: 'confirmed' }],
      },
      null,
      1,
    );
    const valid = await validateRows(readRows('c.json', text), graphOf({ 'd-0': ['Document'] }));
    expect(valid.problems.map(formatEntry)).toEqual([
      'c.json:3 properties.pages: Too small: expected number to be >=1',
      'c.json:12 properties.sources: "d-1" is the row on line 3, which is invalid',
      'c.json:23 properties.sources: "d-2" is the row on line 12, which is invalid',
      'c.json:47 source: "p-1" is the row on line 23, which is invalid',
    ]);
    expect(valid.nodes.map((node) => node.id)).toEqual(['p-2']);
  });

  it('joins links to nodes in the graph by their kinds there, roles included', async () => {
    const text = JSON.stringify({
      relationships: [
        { id: 'r-1', type: 'ASSIGNED_TO', source: 'g-1', target: 'f-1', sources: ['d-0'], confidence: 'confirmed' },
        { id: 'r-2', type: 'ASSIGNED_TO', source: 'p-1', target: 'f-1', sources: ['d-0'], confidence: 'confirmed' },
      ],
    }).replaceAll('},{', '},\n{');
    const graph = graphOf({ 'g-1': ['Person', 'Guard'], 'p-1': ['Person'], 'f-1': ['Facility'], 'd-0': ['Document'] });
    const valid = await validateRows(readRows('r.json', text), graph);
    expect(valid.problems.map(formatEntry)).toEqual(['r.json:2 source: "p-1" is a Person; ASSIGNED_TO starts at a Guard']);
    expect(valid.relationships.map((link) => link.id)).toEqual(['r-1']);
  });

  it('lets a file add a role to a node in the graph, and counts it when checking links', async () => {
    const text = JSON.stringify({
      nodes: [{ id: 'p-1', labels: ['Person', 'Guard'], name: 'P', sources: ['d-0'], confidence: 'confirmed' }],
      relationships: [{ id: 'r-1', type: 'DETAINED_AT', source: 'p-1', target: 'f-1', sources: ['d-0'], confidence: 'confirmed' }],
    }).replace('],"relationships"', '],\n"relationships"');
    const graph = graphOf({ 'p-1': ['Person', 'Detainee'], 'f-1': ['Facility'], 'd-0': ['Document'] });
    const valid = await validateRows(readRows('r.json', text), graph);
    expect(valid.problems).toEqual([]);
  });
});
