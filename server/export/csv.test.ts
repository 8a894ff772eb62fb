// nodes.csv and edges.csv parsed back by csv-parse: columns, rows, hostile text round-trips, the formula guard.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../contract/csv-cells.ts';
import { toEdgesCsv, toNodesCsv } from './csv.ts';
import { chineseName, exportResult, formulaName, hostileName } from './export-result.fixture.ts';

const read = (text: string) => parse(text, { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
const byId = (rows: Record<string, string>[]) => new Map(rows.map((row) => [row.id, row]));

describe('toNodesCsv', () => {
  it('writes one row per node under id, labels, kind, name, confidence, synthetic, sources, then the other properties', () => {
    const text = toNodesCsv(exportResult());
    const [header] = parse(text, { bom: true, to_line: 1 }) as string[][];
    expect(header).toEqual([
      'id',
      'labels',
      'kind',
      'name',
      'confidence',
      'synthetic',
      'sources',
      'age',
      'aliases',
      'capacity',
      'facilityType',
      'latitude',
      'level',
      'nameZh',
      'notes',
    ]);
    const rows = read(text);
    expect(rows.map((row) => row.id)).toEqual(['d1', 'f1', 'o1', 'o3', 'o2', 'p1']);
    expect(byId(rows).get('d1')).toMatchObject({
      labels: 'Entity;Person;Detainee',
      kind: 'Detainee',
      synthetic: 'true',
      sources: 'doc2',
      age: '44',
      nameZh: '被拘留者甲（合成）',
    });
    // Derived search keys are not a fact about anyone.
    expect(header).not.toContain('nameKeys');
  });

  it('round-trips a name with quotes, a comma and a line break, and one in Chinese characters with an ampersand', () => {
    const rows = byId(read(toNodesCsv(exportResult())));
    expect(rows.get('o1')!.name).toBe(hostileName);
    expect(rows.get('o2')!.name).toBe(chineseName);
    // A list of names may hold ";", so it is JSON; control characters are dropped.
    expect(JSON.parse(rows.get('o2')!.aliases!)).toEqual(['XUAR PC', 'Party; Government']);
    expect(rows.get('o1')!.notes).toBe('bell removed');
  });

  it('is UTF-8 with a byte-order mark and CRLF line ends, so Excel shows Chinese and reads the records', () => {
    const text = toNodesCsv(exportResult());
    expect(text.startsWith('\uFEFFid,labels,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(6 + 2);
  });

  it('guards a cell a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const rows = byId(read(toNodesCsv(exportResult())));
    expect(rows.get('o3')!.name).toBe(`'${formulaName}`);
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect([-75.1, 0, true, null].map(csvCell)).toEqual(['-75.1', '0', 'true', '']);
  });

  it('writes the header alone for a result with no nodes', () => {
    const empty = { ...exportResult(), nodes: [], edges: [], paths: [] };
    expect(toNodesCsv(empty)).toBe('\uFEFFid,labels,kind,name,confidence,synthetic,sources\r\n');
  });
});

describe('toEdgesCsv', () => {
  it('writes each relationship once, in its stored direction, with both names, its chains and where it is the weakest link', () => {
    const text = toEdgesCsv(exportResult());
    const [header] = parse(text, { bom: true, to_line: 1 }) as string[][];
    expect(header!.slice(0, 13)).toEqual([
      'id',
      'type',
      'source',
      'target',
      'confidence',
      'from',
      'to',
      'sources',
      'synthetic',
      'sourceName',
      'targetName',
      'chains',
      'weakestLinkOf',
    ]);
    const rows = read(text);
    expect(rows.map((row) => row.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    const edges = byId(rows);
    expect(edges.get('e2')).toMatchObject({ type: 'OPERATES', source: 'o1', target: 'f1', sourceName: hostileName, targetName: 'Camp F' });
    expect(edges.get('e1')).toMatchObject({ chains: '1;2', weakestLinkOf: '', synthetic: 'true', from: '2018-07-10', to: '2019-03-08' });
    expect(edges.get('e3')).toMatchObject({ confidence: 'reported', chains: '1', weakestLinkOf: '1' });
    expect(edges.get('e5')).toMatchObject({ confidence: 'inferred', weakestLinkOf: '2', sourceName: `'${formulaName}` });
    expect(edges.get('e6')!.sources).toBe('doc1;doc-missing');
  });

  it('writes a partial date at the precision the source gives', () => {
    const edges = byId(read(toEdgesCsv(exportResult())));
    expect(edges.get('e2')).toMatchObject({ from: '2016-08', fromPrecision: 'month', to: '' });
  });
});
