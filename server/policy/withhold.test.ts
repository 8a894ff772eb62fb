// withhold(): what each role receives of a result holding a detainee, a relative, an official, a photo,
// a village and documents, by allow-list.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../contract/result.ts';
import { isProtected } from '../../contract/model.ts';
import { documentStandIn, pseudonym, withhold } from './withhold.ts';

const secret = 'unit test secret';
const viewer = { role: 'viewer', redactAll: false, secret } as const;

function sample(): Result {
  return {
    nodes: [
      {
        id: 'd1',
        labels: ['Entity', 'Person', 'Detainee'],
        properties: {
          id: 'd1',
          name: 'Zzyzx Testperson',
          nameZh: '测试人',
          pinyin: 'ceshiren',
          aliases: ['Zed'],
          nameKeys: ['zzyzxtestperson'],
          idNumber: '650102199001011234',
          birthDate: '1990-01-01',
          age: 27,
          ethnicity: 'Uyghur',
          address: '1 Example Road',
          notes: 'Taken at home',
          gender: 'male',
          sources: ['doc-record'],
          confidence: 'confirmed',
          importedExtra: 'Zzyzx again',
        },
      },
      { id: 'r1', labels: ['Entity', 'Person'], properties: { id: 'r1', name: 'Relative Testperson', address: '1 Example Road', sources: ['doc-police'] } },
      { id: 'o1', labels: ['Entity', 'Person', 'Official'], properties: { id: 'o1', name: 'Chen Quanguo', sources: ['doc-report'], importedExtra: 'x' } },
      { id: 'od', labels: ['Entity', 'Person', 'Official', 'Detainee'], properties: { id: 'od', name: 'Fallen Official' } },
      { id: 'p1', labels: ['Entity', 'Photo'], properties: { id: 'p1', name: 'Zzyzx at intake', file: 'photos/d1.jpg', checksum: 'a'.repeat(64) } },
      { id: 'f1', labels: ['Entity', 'Facility'], properties: { id: 'f1', name: 'Camp One' } },
      { id: 'v1', labels: ['Entity', 'Place'], properties: { id: 'v1', name: 'Village of the detainee' } },
      {
        id: 'doc-report',
        labels: ['Entity', 'Document'],
        properties: { id: 'doc-report', name: 'A published report', url: 'https://example.org/r', notes: 'n' },
      },
    ],
    edges: [
      {
        id: 'e1',
        type: 'DETAINED_AT',
        source: 'd1',
        target: 'f1',
        properties: { id: 'e1', notes: 'Zzyzx was moved', recordedReason: 'phone content', from: '2017-06-01', sources: ['doc-record'] },
      },
      { id: 'e2', type: 'RELATED_TO', source: 'r1', target: 'd1', properties: { id: 'e2', kinship: 'mother', sources: ['doc-police'] } },
      { id: 'e3', type: 'RESIDES_IN', source: 'd1', target: 'v1', properties: { id: 'e3', sources: ['doc-record'] } },
      { id: 'e4', type: 'HELD_POST', source: 'o1', target: 'f1', properties: { id: 'e4', title: 'Secretary', importedExtra: 'x' } },
    ],
    paths: [
      { nodes: ['d1', 'f1'], edges: ['e1'], attributes: { strength: 'confirmed', secretColumn: 'Zzyzx' } },
      { nodes: ['d1', 'v1'], edges: ['e3'], attributes: { strength: 'confirmed' } },
    ],
    citations: {
      'doc-record': { id: 'doc-record', name: 'Detention record of Zzyzx Testperson', collection: 'Leak', date: '2018-01-02' },
      'doc-police': { id: 'doc-police', name: 'Police record naming Relative Testperson', collection: 'Leak' },
      'doc-report': { id: 'doc-report', name: 'A published report', url: 'https://example.org/r', publisher: 'Example' },
    },
    summary: { detaineeName: 'Zzyzx Testperson', strength: 'confirmed' },
    meta: { query: 'chain-of-command', parameters: { id: 'd1', query: 'Zzyzx', limit: 5 }, durationMs: 1, truncated: false },
  };
}

describe('withhold', () => {
  it('leaves analysts and admins the full evidence, unless REDACT=1', () => {
    const result = sample();
    expect(withhold(result, { role: 'analyst', redactAll: false, secret })).toBe(result);
    expect(withhold(result, { role: 'admin', redactAll: false, secret })).toBe(result);
    expect(JSON.stringify(withhold(result, { role: 'admin', redactAll: true, secret }))).not.toContain('Zzyzx');
  });

  it('replaces victims’ names by a stable pseudonym and drops what identifies them, for viewers', () => {
    const before = sample();
    const shown = withhold(before, viewer);
    const text = JSON.stringify(shown);
    for (const secretValue of [
      'Zzyzx',
      'Testperson',
      '测试人',
      'ceshiren',
      'Zed',
      '650102199001011234',
      '1990-01-01',
      'Uyghur',
      'Example Road',
      'photos/d1.jpg',
      'Taken at home',
    ]) {
      expect(text).not.toContain(secretValue);
    }
    const detainee = shown.nodes.find((node) => node.id === 'd1')!;
    expect(detainee.properties).toEqual({
      id: 'd1',
      gender: 'male',
      sources: ['doc-record'],
      confidence: 'confirmed',
      name: pseudonym(detainee, secret),
      redacted: true,
    });
    expect(detainee.properties.name).toMatch(/^Detainee [0-9A-F]{4}-[0-9A-F]{4}$/);
    // Stable: the same person, the same pseudonym, on every call; another secret, another pseudonym.
    expect(withhold(sample(), viewer).nodes[0]!.properties.name).toBe(detainee.properties.name);
    expect(pseudonym(detainee, 'another secret')).not.toBe(detainee.properties.name);
    // Officials and facilities keep what the model declares of them, and only that.
    expect(shown.nodes.find((node) => node.id === 'o1')!.properties).toEqual({ id: 'o1', name: 'Chen Quanguo', sources: ['doc-report'] });
    expect(shown.nodes.find((node) => node.id === 'f1')!.properties.name).toBe('Camp One');
    // An official who was detained is protected as a detainee.
    expect(shown.nodes.find((node) => node.id === 'od')!.properties.name).toMatch(/^Detainee /);
    // Pure: the input is untouched.
    expect(before).toEqual(sample());
  });

  it('withholds the links that are a victim’s personal data, and what only they reached', () => {
    const shown = withhold(sample(), viewer);
    // Where they live, and who their family is: the links, the village and the relative go.
    expect(shown.edges.map((edge) => edge.id).sort()).toEqual(['e1', 'e4']);
    expect(shown.nodes.map((node) => node.id)).not.toContain('v1');
    expect(shown.nodes.map((node) => node.id)).not.toContain('r1');
    expect(shown.paths.map((path) => path.edges)).toEqual([['e1']]);
    // The detention stays, without the reason the record gives or free text.
    expect(shown.edges.find((edge) => edge.id === 'e1')!.properties).toEqual({ id: 'e1', from: '2017-06-01', sources: ['doc-record'] });
    expect(shown.edges.find((edge) => edge.id === 'e4')!.properties).toEqual({ id: 'e4', title: 'Secretary' });
  });

  it('withholds every element of a path that used a withheld link, unless a path still sent holds it', () => {
    // A shortest path from a village to a camp through the detainee who lives in the one and is held in the other.
    const village = sample().nodes.filter((node) => ['v1', 'd1', 'f1'].includes(node.id));
    const [detention, home] = [sample().edges[0]!, sample().edges[2]!];
    const through: Result = {
      ...sample(),
      nodes: village,
      edges: [home, detention],
      paths: [{ nodes: ['v1', 'd1', 'f1'], edges: ['e3', 'e1'], attributes: { hops: 2 } }],
      summary: {},
      meta: { query: 'shortest-path', parameters: { fromId: 'v1', toId: 'f1' }, durationMs: 1, truncated: false },
    };
    expect(withhold(through, viewer)).toMatchObject({ nodes: [], edges: [], paths: [], citations: {} });
    // The detention on a path of its own is still sent, with the detainee and the camp.
    const alsoHeld: Result = { ...through, paths: [...through.paths, { nodes: ['d1', 'f1'], edges: ['e1'], attributes: { hops: 1 } }] };
    const shown = withhold(alsoHeld, viewer);
    expect(shown.nodes.map((node) => node.id)).toEqual(['d1', 'f1']);
    expect(shown.edges.map((edge) => edge.id)).toEqual(['e1']);
    expect(shown.paths.map((path) => path.edges)).toEqual([['e1']]);
    // Analysts get the path.
    expect(withhold(through, { ...viewer, role: 'analyst' })).toBe(through);
  });

  it('titles a document only when it is published and no victim cites it', () => {
    const shown = withhold(sample(), viewer);
    expect(shown.citations['doc-record']).toEqual({ id: 'doc-record', name: documentStandIn('doc-record', secret), collection: 'Leak', date: '2018-01-02' });
    // The relative is withheld, so is the police record only they cited.
    expect(shown.citations['doc-police']).toBeUndefined();
    expect(shown.citations['doc-report']).toEqual({ id: 'doc-report', name: 'A published report', url: 'https://example.org/r', publisher: 'Example' });
    expect(shown.nodes.find((node) => node.id === 'doc-report')!.properties).toEqual({
      id: 'doc-report',
      name: 'A published report',
      url: 'https://example.org/r',
    });
    // The same published report cited for a victim is no longer safe to title.
    const cited = sample();
    cited.nodes[0]!.properties.sources = ['doc-report'];
    const retitled = withhold(cited, viewer);
    expect(retitled.citations['doc-report']!.name).toBe(documentStandIn('doc-report', secret));
    expect(retitled.nodes.find((node) => node.id === 'doc-report')!.properties).toMatchObject({ name: documentStandIn('doc-report', secret), redacted: true });
  });

  it('sends only the columns and parameters the query names as safe', () => {
    const shown = withhold(sample(), viewer);
    expect(shown.summary).toEqual({ strength: 'confirmed' });
    expect(shown.paths[0]!.attributes).toEqual({ strength: 'confirmed' });
    expect(shown.meta).toEqual({ query: 'chain-of-command', parameters: { id: 'd1', limit: 5 }, durationMs: 1, truncated: false });
    const unknown = withhold({ ...sample(), meta: { ...sample().meta, query: 'Zzyzx Testperson' } }, viewer);
    expect(unknown.meta).toEqual({ query: 'result', parameters: {}, durationMs: 1, truncated: false });
    expect(unknown.summary).toEqual({});
  });

  it('sends a node’s link counts only from the query that counts the links a redacted reader receives', () => {
    const counts = (query: string): Result => ({
      ...sample(),
      summary: { relationshipCounts: [{ type: 'RELATED_TO', out: 0, in: 2 }] },
      meta: { query, parameters: { id: 'd1' }, durationMs: 1, truncated: false },
    });
    // relationship-counts counts a victim's relatives and homes: whatever carries its name, its counts stay on the server.
    expect(withhold(counts('relationship-counts'), viewer).summary).toEqual({});
    expect(withhold(counts('public-relationship-counts'), viewer).summary).toEqual(counts('x').summary);
    expect(withhold(counts('relationship-counts'), { ...viewer, role: 'analyst' }).summary).toEqual(counts('x').summary);
  });

  it('sends a facility profile without its detainees’ reasons and ages', () => {
    const profile: Result = {
      ...sample(),
      summary: {
        detentions: 3,
        byYear: [{ year: 2018, detainees: 3 }],
        byReason: [{ reason: 'phone content', detainees: 1 }],
        byAgeBand: [{ ageBand: '60-74', detainees: 1 }],
      },
      meta: { query: 'facility-profile', parameters: { id: 'f1' }, durationMs: 1, truncated: false },
    };
    expect(withhold(profile, viewer).summary).toEqual({ detentions: 3, byYear: [{ year: 2018, detainees: 3 }] });
    expect(withhold(profile, { ...viewer, role: 'analyst' }).summary).toEqual(profile.summary);
  });

  it('protects detainees and people who are neither officials nor guards', () => {
    expect(isProtected(['Person', 'Detainee'])).toBe(true);
    expect(isProtected(['Person'])).toBe(true);
    expect(isProtected(['Person', 'Guard'])).toBe(false);
    expect(isProtected(['Person', 'Official'])).toBe(false);
    expect(isProtected(['Facility'])).toBe(false);
  });
});
