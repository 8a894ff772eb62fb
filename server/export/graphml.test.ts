// GraphML parsed back by fast-xml-parser: well-formed, typed keys for nodes and edges, values that round-trip.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { chineseName, exportResult, formulaName, hostileName } from './export-result.fixture.ts';
import { toGraphml } from './graphml.ts';

interface Data {
  '@_key': string;
  '#text'?: string;
}
interface Element {
  '@_id': string;
  '@_source'?: string;
  '@_target'?: string;
  data: Data[];
}
interface Key {
  '@_id': string;
  '@_for': string;
  '@_attr.name': string;
  '@_attr.type': string;
}

/** As a reader sees it: entities and character references decoded, no value trimmed or turned into a number. */
function parseGraphml(xml: string) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    htmlEntities: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
  });
  const doc = parser.parse(xml) as { graphml: Record<string, unknown> & { key: Key[]; graph: Record<string, unknown> & { node: Element[]; edge: Element[] } } };
  const keys = new Map(doc.graphml.key.map((key) => [key['@_id'], key]));
  /** An element's attributes by name, through the key declarations. */
  const values = (element: Element) => Object.fromEntries(element.data.map((data) => [keys.get(data['@_key'])!['@_attr.name'], data['#text'] ?? '']));
  return { doc, keys, values };
}

describe('toGraphml', () => {
  it('is well-formed GraphML in the standard namespace with directed edges', () => {
    const xml = toGraphml(exportResult());
    expect(XMLValidator.validate(xml)).toBe(true);
    const { doc } = parseGraphml(xml);
    expect(doc.graphml['@_xmlns']).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(doc.graphml.graph['@_edgedefault']).toBe('directed');
    expect(doc.graphml.graph['@_id']).toBe('chain-of-command');
  });

  it('writes each node and relationship once, edges in their stored direction', () => {
    const { doc } = parseGraphml(toGraphml(exportResult()));
    expect(doc.graphml.graph.node.map((node) => node['@_id'])).toEqual(['d1', 'f1', 'o1', 'o3', 'o2', 'p1']);
    expect(doc.graphml.graph.edge).toHaveLength(6);
    // OPERATES points from the operator to the facility, though the chain climbs it the other way.
    expect(doc.graphml.graph.edge.find((edge) => edge['@_id'] === 'e2')).toMatchObject({ '@_source': 'o1', '@_target': 'f1' });
  });

  it('declares a typed key for every attribute, node and edge keys apart, and uses no undeclared key', () => {
    const { doc, keys } = parseGraphml(toGraphml(exportResult()));
    const declared = (kind: string) => [...keys.values()].filter((key) => key['@_for'] === kind);
    const typeOf = (kind: string, name: string) => declared(kind).find((key) => key['@_attr.name'] === name)?.['@_attr.type'];
    expect(declared('node').map((key) => key['@_attr.name'])).toEqual([
      'label',
      'stableId',
      'kind',
      'labels',
      'name',
      'nameZh',
      'confidence',
      'synthetic',
      'sources',
      'age',
      'aliases',
      'capacity',
      'facilityType',
      'latitude',
      'level',
      'notes',
    ]);
    expect(declared('edge').map((key) => key['@_attr.name'])).toEqual(
      expect.arrayContaining(['label', 'type', 'confidence', 'from', 'to', 'sources', 'chains', 'weakestLinkOf']),
    );
    expect([typeOf('node', 'synthetic'), typeOf('node', 'age'), typeOf('node', 'name'), typeOf('edge', 'head'), typeOf('edge', 'from')]).toEqual([
      'boolean',
      'double',
      'string',
      'boolean',
      'string',
    ]);
    for (const [kind, elements] of [
      ['node', doc.graphml.graph.node],
      ['edge', doc.graphml.graph.edge],
    ] as const) {
      for (const data of elements.flatMap((element) => element.data)) expect(keys.get(data['@_key'])?.['@_for']).toBe(kind);
    }
    expect(new Set(keys.keys()).size).toBe(keys.size);
  });

  it('round-trips Chinese characters with an ampersand, quotes, brackets and a line break; drops control characters', () => {
    const { doc, values } = parseGraphml(toGraphml(exportResult()));
    const node = (id: string) => values(doc.graphml.graph.node.find((n) => n['@_id'] === id)!);
    expect(node('o2')).toMatchObject({ label: chineseName, name: chineseName, aliases: '["XUAR PC","Party; Government"]' });
    expect(node('o1')).toMatchObject({ name: hostileName, notes: 'bell removed' });
    expect(node('o3').name).toBe(formulaName);
    expect(node('d1')).toMatchObject({ kind: 'Detainee', labels: ':Entity:Person:Detainee', synthetic: 'true', nameZh: '被拘留者甲（合成）' });
  });

  it('gives each edge its caption, confidence, sources, dates at their precision and the chains it is weakest in', () => {
    const { doc, values } = parseGraphml(toGraphml(exportResult()));
    const edge = (id: string) => values(doc.graphml.graph.edge.find((e) => e['@_id'] === id)!);
    expect(edge('e2')).toMatchObject({ label: 'operates', type: 'OPERATES', from: '2016-08', fromPrecision: 'month', chains: '1' });
    expect(edge('e3')).toMatchObject({ confidence: 'reported', weakestLinkOf: '1' });
    expect(edge('e4')).toMatchObject({ sources: 'doc1;doc3', head: 'true', chains: '1;2' });
    expect(edge('e1')).not.toHaveProperty('weakestLinkOf');
  });

  it('escapes ids in attributes and leaves out an edge whose end is missing, saying so', () => {
    const result = exportResult();
    result.nodes.push({ id: 'x"<&>', labels: ['Place'], properties: { name: 'Quoted id' } });
    result.edges.push({ id: 'dangling', type: 'LOCATED_IN', source: 'f1', target: 'nowhere', properties: {} });
    const xml = toGraphml(result);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { doc } = parseGraphml(xml);
    expect(doc.graphml.graph.node.map((node) => node['@_id'])).toContain('x"<&>');
    expect(doc.graphml.graph.edge.map((edge) => edge['@_id'])).not.toContain('dangling');
    expect(doc.graphml.graph.desc).toContain('left out 1 edge whose ends are not in the answer: dangling');
  });

  it('pins the exact file for a small result', () => {
    const result = exportResult();
    const small = {
      ...result,
      nodes: result.nodes.filter((node) => ['d1', 'f1', 'o1'].includes(node.id)),
      edges: result.edges.filter((edge) => ['e1', 'e2'].includes(edge.id)),
      paths: [],
    };
    expect(toGraphml(small)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
        <key id="node.label" for="node" attr.name="label" attr.type="string"/>
        <key id="node.stableId" for="node" attr.name="stableId" attr.type="string"/>
        <key id="node.kind" for="node" attr.name="kind" attr.type="string"/>
        <key id="node.labels" for="node" attr.name="labels" attr.type="string"/>
        <key id="node.name" for="node" attr.name="name" attr.type="string"/>
        <key id="node.nameZh" for="node" attr.name="nameZh" attr.type="string"/>
        <key id="node.confidence" for="node" attr.name="confidence" attr.type="string"/>
        <key id="node.synthetic" for="node" attr.name="synthetic" attr.type="boolean"/>
        <key id="node.sources" for="node" attr.name="sources" attr.type="string"/>
        <key id="node.age" for="node" attr.name="age" attr.type="double"/>
        <key id="node.capacity" for="node" attr.name="capacity" attr.type="double"/>
        <key id="node.facilityType" for="node" attr.name="facilityType" attr.type="string"/>
        <key id="node.latitude" for="node" attr.name="latitude" attr.type="double"/>
        <key id="node.level" for="node" attr.name="level" attr.type="string"/>
        <key id="node.notes" for="node" attr.name="notes" attr.type="string"/>
        <key id="edge.label" for="edge" attr.name="label" attr.type="string"/>
        <key id="edge.stableId" for="edge" attr.name="stableId" attr.type="string"/>
        <key id="edge.type" for="edge" attr.name="type" attr.type="string"/>
        <key id="edge.confidence" for="edge" attr.name="confidence" attr.type="string"/>
        <key id="edge.synthetic" for="edge" attr.name="synthetic" attr.type="boolean"/>
        <key id="edge.from" for="edge" attr.name="from" attr.type="string"/>
        <key id="edge.to" for="edge" attr.name="to" attr.type="string"/>
        <key id="edge.sources" for="edge" attr.name="sources" attr.type="string"/>
        <key id="edge.fromPrecision" for="edge" attr.name="fromPrecision" attr.type="string"/>
        <key id="edge.recordedReason" for="edge" attr.name="recordedReason" attr.type="string"/>
        <graph id="chain-of-command" edgedefault="directed">
          <desc>xpf-explorer export of "chain-of-command" with parameters {"id":"d1","asOf":"2018-08-01","limit":50}. 3 nodes, 2 edges, 0 chains. Records with synthetic=true are generated test data, not evidence.</desc>
          <node id="d1">
            <data key="node.label">Detainee A (synthetic)</data>
            <data key="node.stableId">d1</data>
            <data key="node.kind">Detainee</data>
            <data key="node.labels">:Entity:Person:Detainee</data>
            <data key="node.name">Detainee A (synthetic)</data>
            <data key="node.nameZh">被拘留者甲（合成）</data>
            <data key="node.confidence">confirmed</data>
            <data key="node.synthetic">true</data>
            <data key="node.sources">doc2</data>
            <data key="node.age">44</data>
          </node>
          <node id="f1">
            <data key="node.label">Camp F</data>
            <data key="node.stableId">f1</data>
            <data key="node.kind">Facility</data>
            <data key="node.labels">:Entity:Facility</data>
            <data key="node.name">Camp F</data>
            <data key="node.confidence">confirmed</data>
            <data key="node.synthetic">false</data>
            <data key="node.sources">doc1</data>
            <data key="node.capacity">8700</data>
            <data key="node.facilityType">camp</data>
            <data key="node.latitude">39.47</data>
          </node>
          <node id="o1">
            <data key="node.label">County "Bureau" *1* | [PSB] &amp; Co, &lt;Kashgar&gt;&#10;second line</data>
            <data key="node.stableId">o1</data>
            <data key="node.kind">Organization</data>
            <data key="node.labels">:Entity:Organization</data>
            <data key="node.name">County "Bureau" *1* | [PSB] &amp; Co, &lt;Kashgar&gt;&#10;second line</data>
            <data key="node.confidence">confirmed</data>
            <data key="node.synthetic">false</data>
            <data key="node.sources">doc1</data>
            <data key="node.level">county</data>
            <data key="node.notes">bell removed</data>
          </node>
          <edge id="e1" source="d1" target="f1">
            <data key="edge.label">detained at</data>
            <data key="edge.stableId">e1</data>
            <data key="edge.type">DETAINED_AT</data>
            <data key="edge.confidence">confirmed</data>
            <data key="edge.synthetic">true</data>
            <data key="edge.from">2018-07-10</data>
            <data key="edge.to">2019-03-08</data>
            <data key="edge.sources">doc2</data>
            <data key="edge.recordedReason">untrustworthy</data>
          </edge>
          <edge id="e2" source="o1" target="f1">
            <data key="edge.label">operates</data>
            <data key="edge.stableId">e2</data>
            <data key="edge.type">OPERATES</data>
            <data key="edge.confidence">confirmed</data>
            <data key="edge.synthetic">false</data>
            <data key="edge.from">2016-08</data>
            <data key="edge.sources">doc1</data>
            <data key="edge.fromPrecision">month</data>
          </edge>
        </graph>
      </graphml>
      "
    `);
  });
});
