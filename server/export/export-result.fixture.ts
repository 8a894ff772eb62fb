// A small chain-of-command Result with readable ids and hostile names, shared by the export tests.
import type { Result, ResultEdge, ResultNode } from '../../contract/result.ts';

function node(id: string, labels: string[], name: string, extra: ResultNode['properties'] = {}): ResultNode {
  return { id, labels: ['Entity', ...labels], properties: { id, name, sources: ['doc1'], confidence: 'confirmed', synthetic: false, ...extra } };
}

function edge(id: string, type: string, source: string, target: string, extra: ResultEdge['properties'] = {}): ResultEdge {
  return { id, type, source, target, properties: { id, sources: ['doc1'], confidence: 'confirmed', synthetic: false, ...extra } };
}

/** A name that is Markdown, XML and CSV syntax at once: quotes, a comma, a line break, `*`, `|`, `[`, `<`, `&`. */
export const hostileName = 'County "Bureau" *1* | [PSB] & Co, <Kashgar>\nsecond line';
/** Chinese characters and an ampersand in one value. */
export const chineseName = '新疆维吾尔自治区党委 & 政府';
/** A cell a spreadsheet would run as a formula. */
export const formulaName = '=HYPERLINK("https://evil.example","click")';

/**
 * d1 -DETAINED_AT-> f1 <-OPERATES- o1 -SUBORDINATE_TO-> o2 <-HELD_POST- p1, and a second operator o3.
 * Chain 1 climbs through o1 (weakest: e3, reported); chain 2 through o3 (weakest: e5, inferred).
 * The detainee and its detention are synthetic; o1 has been operating since "2016-08" (a month).
 */
export function exportResult(): Result {
  const e1 = edge('e1', 'DETAINED_AT', 'd1', 'f1', {
    synthetic: true,
    sources: ['doc2'],
    from: '2018-07-10',
    to: '2019-03-08',
    recordedReason: 'untrustworthy',
  });
  const e4 = edge('e4', 'HELD_POST', 'p1', 'o2', { title: 'Party Secretary', head: true, from: '2016-08-29', sources: ['doc1', 'doc3'] });
  return {
    nodes: [
      node('d1', ['Person', 'Detainee'], 'Detainee A (synthetic)', {
        synthetic: true,
        sources: ['doc2'],
        nameZh: '被拘留者甲（合成）',
        age: 44,
        nameKeys: ['detainee', 'a'],
      }),
      node('f1', ['Facility'], 'Camp F', { facilityType: 'camp', capacity: 8700, latitude: 39.47 }),
      node('o1', ['Organization'], hostileName, { level: 'county', notes: 'bell\u0007 removed' }),
      node('o3', ['Organization'], formulaName, { level: 'county', confidence: 'inferred' }),
      node('o2', ['Organization'], chineseName, { level: 'central', aliases: ['XUAR PC', 'Party; Government'] }),
      node('p1', ['Person', 'Official'], 'Leader P'),
    ],
    // e1 and e4 lie on both chains and come back twice, as the server sends them.
    edges: [
      e1,
      edge('e2', 'OPERATES', 'o1', 'f1', { from: '2016-08-01', fromPrecision: 'month' }),
      edge('e3', 'SUBORDINATE_TO', 'o1', 'o2', { confidence: 'reported', relation: 'leads (per the speech)' }),
      e4,
      e1,
      edge('e5', 'OPERATES', 'o3', 'f1', { confidence: 'inferred' }),
      edge('e6', 'SUBORDINATE_TO', 'o3', 'o2', { sources: ['doc1', 'doc-missing'] }),
      e4,
    ],
    paths: [
      { nodes: ['d1', 'f1', 'o1', 'o2', 'p1'], edges: ['e1', 'e2', 'e3', 'e4'], attributes: { strength: 'reported', weakestLinkId: 'e3', hops: 4 } },
      { nodes: ['d1', 'f1', 'o3', 'o2', 'p1'], edges: ['e1', 'e5', 'e6', 'e4'], attributes: { strength: 'inferred', weakestLinkId: 'e5', hops: 4 } },
    ],
    citations: {
      doc1: { id: 'doc1', name: 'Report on "bureaus" & camps', publisher: 'Publisher', date: '2022-05', url: 'https://example.org/report?a=1&b=2' },
      doc2: { id: 'doc2', name: 'Synthetic detention record D-1', date: '2018-07-10', collection: 'Synthetic records (generated, not from the leak)' },
      doc3: { id: 'doc3', name: '新疆文件', date: '2019' },
    },
    summary: {},
    meta: { query: 'chain-of-command', parameters: { id: 'd1', asOf: '2018-08-01', limit: 50 }, durationMs: 12, truncated: false },
  };
}
