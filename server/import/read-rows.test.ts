// read-rows: CSV, JSON and bundle files into raw rows with their lines, and every refusal, without Neo4j.
import { describe, expect, it } from 'vitest';
import { FacilityProps, PersonProps, RelationshipProps } from '../../contract/model.ts';
import { NodeRow, RelationshipRow } from '../../contract/graph-rows.ts';
import { flatNode, flatRelationship, nodeType, sampleBundle, toCsv } from '../../tests/fixtures/import/samples.ts';
import { ImportInputError, cellKind, elementLines, parseImportType, readRows, readRowsFromFile } from './read-rows.ts';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportInputError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('parseImportType', () => {
  it('reads a kind, a role as Person plus the role, and a relationship type', () => {
    expect(parseImportType('Facility')).toEqual({ element: 'node', name: 'Facility', kind: 'Facility', labels: ['Facility'] });
    expect(parseImportType('Guard')).toEqual({ element: 'node', name: 'Guard', kind: 'Person', labels: ['Person', 'Guard'] });
    expect(parseImportType('HELD_POST')).toEqual({ element: 'relationship', name: 'HELD_POST', type: 'HELD_POST' });
  });

  it('refuses anything else, listing what it takes', () => {
    const message = refusal(() => parseImportType('Camp'));
    expect(message).toMatch(
      /^unknown --type "Camp": expected a node kind \(Person, Organization, .*\), a role \(Official, Guard, Detainee\) or a relationship type \(HELD_POST, /,
    );
  });
});

describe('cellKind', () => {
  it('reads what a cell becomes off the model, through optional and default', () => {
    expect(cellKind(PersonProps.shape.age)).toBe('number');
    expect(cellKind(FacilityProps.shape.latitude)).toBe('number');
    expect(cellKind(PersonProps.shape.synthetic)).toBe('boolean');
    expect(cellKind(RelationshipProps.shape.head)).toBe('boolean');
    expect(cellKind(PersonProps.shape.aliases)).toBe('list');
    expect(cellKind(PersonProps.shape.sources)).toBe('list');
    expect(cellKind(PersonProps.shape.birthDate)).toBe('text');
    expect(cellKind(PersonProps.shape.gender)).toBe('text');
  });
});

describe('CSV', () => {
  it('converts cells by the model, leaves empty cells out and adds extra role labels', () => {
    const text = 'id,name,age,aliases,synthetic,labels,sources,confidence\np-1,Ann,40,A.;Annie ; ,TRUE,Detainee,d-1,confirmed\np-2,Bo,,,,,d-1;d-2,reported\n';
    const rows = readRows('people.csv', text, 'Official');
    expect(rows).toMatchObject({ format: 'csv', positions: 'line', problems: [], relationships: [] });
    expect(rows.nodes).toEqual([
      {
        line: 2,
        row: {
          id: 'p-1',
          labels: ['Person', 'Official', 'Detainee'],
          properties: { name: 'Ann', age: 40, aliases: ['A.', 'Annie'], synthetic: true, sources: ['d-1'], confidence: 'confirmed' },
        },
      },
      { line: 3, row: { id: 'p-2', labels: ['Person', 'Official'], properties: { name: 'Bo', sources: ['d-1', 'd-2'], confidence: 'reported' } } },
    ]);
  });

  it('leaves a cell that is not of its type as text, for the model to report', () => {
    const rows = readRows('p.csv', 'id,name,age,sources,confidence\np-1,Ann,forty,d-1,sure\n', 'Person');
    expect(rows.nodes[0]!.row.properties).toMatchObject({ age: 'forty', confidence: 'sure' });
  });

  it('numbers each row by the line it starts on: quoted line breaks, empty lines, CRLF, a BOM', () => {
    const text = '\uFEFFid,name,notes,sources,confidence\r\np-1,Ann,"one\r\ntwo\r\nthree",d,confirmed\r\n\r\n\r\np-2,Bo,,d,confirmed\r\np-3,Cy,x,d,confirmed';
    const rows = readRows('p.csv', text, 'Person');
    expect(rows.nodes.map(({ line, row }) => [line, row.id])).toEqual([
      [2, 'p-1'],
      [7, 'p-2'],
      [8, 'p-3'],
    ]);
    expect(rows.nodes[0]!.row.properties.notes).toBe('one\r\ntwo\r\nthree');
  });

  it('skips rows of empty cells and reports a row of the wrong width', () => {
    const rows = readRows('p.csv', 'id,name,sources,confidence\n,,,\np-1,Ann,d\np-2,Bo,d,confirmed\n', 'Person');
    expect(rows.problems).toEqual([{ file: 'p.csv', line: 3, field: '(row)', reason: 'has 3 cells; the header has 4' }]);
    expect(rows.nodes.map((node) => node.line)).toEqual([4]);
  });

  it('reads relationships with source and target', () => {
    const rows = readRows('posts.csv', 'id,source,target,title,head,from,sources,confidence\nhp-1,p-1,o-1,Director,true,2016-08-01,d,confirmed\n', 'HELD_POST');
    expect(rows.relationships).toEqual([
      {
        line: 2,
        row: {
          id: 'hp-1',
          type: 'HELD_POST',
          source: 'p-1',
          target: 'o-1',
          properties: { title: 'Director', head: true, from: '2016-08-01', sources: ['d'], confidence: 'confirmed' },
        },
      },
    ]);
  });

  it('refuses a file it cannot read as rows of the --type, in one line', () => {
    const person = 'id,name,sources,confidence\np,Ann,d,confirmed\n';
    expect(refusal(() => readRows('p.csv', person))).toMatch(/^p\.csv: a CSV file holds one kind of row: name it with --type \(/);
    expect(refusal(() => readRows('p.csv', person, 'People'))).toMatch(/^unknown --type "People"/);
    expect(refusal(() => readRows('p.csv', 'id,name,sources\np,Ann,d\n', 'Person'))).toBe('p.csv: lacks the required column confidence for Person');
    expect(refusal(() => readRows('p.csv', 'name,confidence\nAnn,confirmed\n', 'Person'))).toBe('p.csv: lacks the required columns id, sources for Person');
    expect(refusal(() => readRows('r.csv', 'id,source,sources,confidence\nr,p,d,confirmed\n', 'HELD_POST'))).toBe(
      'r.csv: lacks the required column target for HELD_POST',
    );
    expect(refusal(() => readRows('p.csv', 'id,name,nmae,sources,confidence\n', 'Person'))).toMatch(
      /^p\.csv: column "nmae" is not a property of Person \(known: sources, confidence, synthetic, name, /,
    );
    expect(refusal(() => readRows('p.csv', 'id,name,imports,sources,confidence\n', 'Person'))).toBe(
      'p.csv: column "imports" is written by the importer, not read from a file',
    );
    expect(refusal(() => readRows('o.csv', 'id,name,labels,level,sources,confidence\n', 'Organization'))).toBe(
      'o.csv: column "labels" (extra role labels) only goes with Person or a role, not Organization',
    );
    expect(refusal(() => readRows('p.csv', 'id,name,name,sources,confidence\n', 'Person'))).toBe('p.csv: the header names column "name" twice');
    expect(refusal(() => readRows('p.csv', 'id,name,sources,confidence\np,"Ann,d,confirmed\n', 'Person'))).toMatch(
      /^p\.csv: not valid CSV: Quote Not Closed: .* at line 2$/,
    );
    expect(refusal(() => readRows('p.csv', '', 'Person'))).toBe('p.csv: is empty (a CSV file starts with a header row of column names)');
    expect(refusal(() => readRows('p.csv', 'id,name,sources,confidence\n', 'Person'))).toBe('p.csv: holds no rows');
  });
});

describe('JSON of one --type', () => {
  it('numbers each row by the line its element starts on', () => {
    const text =
      '[\n  {\n    "id": "f-1",\n    "name": "Camp { [ \\" ]",\n    "facilityType": "camp"\n  },\n  { "id": "f-2", "name": "B", "facilityType": "prison", "capacity": 10 },\n\n  7\n]\n';
    const rows = readRows('f.json', text, 'Facility');
    expect(rows.positions).toBe('line');
    expect(rows.nodes.map(({ line, row }) => [line, row.id, row.labels])).toEqual([
      [2, 'f-1', ['Facility']],
      [7, 'f-2', ['Facility']],
    ]);
    expect(rows.nodes[1]!.row.properties).toEqual({ name: 'B', facilityType: 'prison', capacity: 10 });
    expect(rows.problems).toEqual([{ file: 'f.json', line: 9, field: '(row)', reason: 'must be an object' }]);
  });

  it('counts rows instead of lines when the file puts several on one line, and says so', () => {
    const rows = readRows('f.json', '[{"id":"a","labels":["Guard"]},{"id":"b"},3]', 'Person');
    expect(rows.positions).toBe('row');
    expect(rows.nodes.map(({ line, row }) => [line, row.labels])).toEqual([
      [1, ['Person', 'Guard']],
      [2, ['Person']],
    ]);
    expect(rows.problems[0]!.line).toBe(3);
  });

  it('refuses bad JSON with where it broke, and an array without --type', () => {
    expect(refusal(() => readRows('f.json', '[\n  {"id": "a",}\n]', 'Facility'))).toMatch(/^f\.json: not valid JSON: .* \(line 2, column 14\)$/);
    expect(refusal(() => readRows('f.json', '[{"id": "a"}]'))).toMatch(/^f\.json: a JSON array holds one kind of row: name it with --type/);
    expect(refusal(() => readRows('f.json', '"rows"'))).toMatch(/^f\.json: must hold a JSON array of rows or a bundle/);
    expect(refusal(() => readRows('f.json', '[]', 'Facility'))).toBe('f.json: holds no rows');
  });
});

describe('bundle', () => {
  it('reads nodes with their labels and relationships with their type, each at its line', async () => {
    const { rows } = await readRowsFromFile('tests/fixtures/import/bundle.json');
    expect(rows.format).toBe('bundle');
    expect(rows.nodes.map((node) => node.line)).toEqual([3, 4, 5, 6, 7]);
    expect(rows.relationships.map((link) => link.line)).toEqual([10, 11, 12]);
    expect(rows.nodes[3]!.row).toEqual({
      id: 'test-import-bundle-guard',
      labels: ['Person', 'Guard'],
      properties: { name: 'Test Import Guard', sources: ['test-import-bundle-doc'], confidence: 'reported' },
    });
    expect(rows.relationships[0]!.row).toMatchObject({
      id: 'test-import-bundle-operates',
      type: 'OPERATES',
      source: 'test-import-bundle-org',
      target: 'test-import-bundle-camp',
    });
  });

  it('counts a minified bundle by rows, nodes first', () => {
    const rows = readRows('b.json', '{"relationships":[{"id":"r"}],"nodes":[{"id":"a"},{"id":"b"}]}');
    expect(rows.positions).toBe('row');
    expect(rows.nodes.map((node) => node.line)).toEqual([1, 2]);
    expect(rows.relationships.map((link) => link.line)).toEqual([3]);
  });

  it('refuses a bundle with --type, other keys, or arrays that are not', () => {
    expect(refusal(() => readRows('b.json', '{"nodes": []}', 'Person'))).toBe('b.json: is a bundle, whose rows name their own labels and types: drop --type');
    expect(refusal(() => readRows('b.json', '{"nodes": [], "edges": []}'))).toBe('b.json: a bundle holds only "nodes" and "relationships", not "edges"');
    expect(refusal(() => readRows('b.json', '{}'))).toBe('b.json: a bundle needs "nodes", "relationships" or both');
    expect(refusal(() => readRows('b.json', '{"nodes": {}}'))).toBe('b.json: "nodes" must be an array');
  });
});

describe('files', () => {
  it('refuses an unknown extension and a missing file', async () => {
    expect(refusal(() => readRows('rows.xlsx', ''))).toBe('rows.xlsx: unknown file type ".xlsx": expected .csv or .json');
    await expect(readRowsFromFile('tests/fixtures/import/none.csv', 'Person')).rejects.toThrow('tests/fixtures/import/none.csv: cannot read it (no such file)');
  });
});

describe('every type, three ways', () => {
  const bundle = sampleBundle('t');
  const fromBundle = readRows('all.json', JSON.stringify(bundle, null, 2));

  it.each(bundle.nodes.map((node, index) => [node.id, node, index] as const))(
    'node %s reads the same from a bundle, a CSV and a JSON array',
    (_id, node, index) => {
      const expected = NodeRow.parse(fromBundle.nodes[index]!.row);
      const csv = readRows('one.csv', toCsv([flatNode(node)]), nodeType(node));
      const json = readRows('one.json', JSON.stringify([flatNode(node)]), nodeType(node));
      expect(NodeRow.parse(csv.nodes[0]!.row)).toEqual(expected);
      expect(NodeRow.parse(json.nodes[0]!.row)).toEqual(expected);
    },
  );

  it.each(bundle.relationships.map((link, index) => [link.type, link, index] as const))(
    '%s reads the same from a bundle, a CSV and a JSON array',
    (type, link, index) => {
      const expected = RelationshipRow.parse(fromBundle.relationships[index]!.row);
      const csv = readRows('one.csv', toCsv([flatRelationship(link)]), type);
      const json = readRows('one.json', JSON.stringify([flatRelationship(link)]), type);
      expect(RelationshipRow.parse(csv.relationships[0]!.row)).toEqual(expected);
      expect(RelationshipRow.parse(json.relationships[0]!.row)).toEqual(expected);
    },
  );
});

describe('elementLines', () => {
  it('finds where each element starts, ignoring brackets inside strings and deeper arrays', () => {
    const text = '{\n "nodes": [\n  {"a": "x,]}\\"["},\n  3, [1,\n 2],\n  null\n ],\n "other": {"nodes": [9]}\n}';
    expect(elementLines(text)).toEqual(new Map([['nodes', [3, 4, 4, 6]]]));
  });
});
