// withhold(): what each role receives of a result holding a detainee, a relative, an official and a photo.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../contract/result.ts';
import { isProtected } from '../../contract/model.ts';
import { pseudonym, withhold, withholdSearch } from './withhold.ts';

const secret = 'unit test secret';

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
          address: '1 Example Road',
          notes: 'Taken at home',
          gender: 'male',
          sources: ['doc1'],
          confidence: 'confirmed',
        },
      },
      { id: 'r1', labels: ['Entity', 'Person'], properties: { id: 'r1', name: 'Relative Testperson', address: '1 Example Road' } },
      { id: 'o1', labels: ['Entity', 'Person', 'Official'], properties: { id: 'o1', name: 'Chen Quanguo' } },
      { id: 'od', labels: ['Entity', 'Person', 'Official', 'Detainee'], properties: { id: 'od', name: 'Fallen Official' } },
      { id: 'p1', labels: ['Entity', 'Photo'], properties: { id: 'p1', name: 'Zzyzx at intake', file: 'photos/d1.jpg', checksum: 'a'.repeat(64) } },
      { id: 'f1', labels: ['Entity', 'Facility'], properties: { id: 'f1', name: 'Camp One' } },
    ],
    edges: [
      { id: 'e1', type: 'DETAINED_AT', source: 'd1', target: 'f1', properties: { id: 'e1', notes: 'Zzyzx was moved', from: '2017-06-01' } },
      { id: 'e2', type: 'RELATED_TO', source: 'r1', target: 'd1', properties: { id: 'e2', relation: 'mother' } },
    ],
    paths: [{ nodes: ['d1', 'f1'], edges: ['e1'], attributes: {} }],
    citations: {},
    summary: { detaineeName: 'Zzyzx Testperson', count: 3 },
    meta: { query: 'q', parameters: {}, durationMs: 1, truncated: false },
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
    const shown = withhold(before, { role: 'viewer', redactAll: false, secret });
    const text = JSON.stringify(shown);
    for (const secretValue of [
      'Zzyzx',
      'Testperson',
      '测试人',
      'ceshiren',
      'Zed',
      '650102199001011234',
      '1990-01-01',
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
      sources: ['doc1'],
      confidence: 'confirmed',
      name: pseudonym(detainee, secret),
      redacted: true,
    });
    expect(detainee.properties.name).toMatch(/^Detainee [0-9A-F]{4}-[0-9A-F]{4}$/);
    // Stable: the same person, the same pseudonym, on every call; another secret, another pseudonym.
    expect(withhold(sample(), { role: 'viewer', redactAll: false, secret }).nodes[0]!.properties.name).toBe(detainee.properties.name);
    expect(pseudonym(detainee, 'another secret')).not.toBe(detainee.properties.name);
    // Officials, facilities and the links' own facts stay.
    expect(shown.nodes.find((node) => node.id === 'o1')!.properties.name).toBe('Chen Quanguo');
    expect(shown.nodes.find((node) => node.id === 'f1')!.properties.name).toBe('Camp One');
    expect(shown.edges[0]!.properties).toEqual({ id: 'e1', from: '2017-06-01' });
    expect(shown.edges[1]!.properties.relation).toBe('mother');
    // An official who was detained is protected as a detainee.
    expect(shown.nodes.find((node) => node.id === 'od')!.properties.name).toMatch(/^Detainee /);
    // Pure: the input is untouched.
    expect(before).toEqual(sample());
  });

  it('protects detainees and people who are neither officials nor guards', () => {
    expect(isProtected(['Person', 'Detainee'])).toBe(true);
    expect(isProtected(['Person'])).toBe(true);
    expect(isProtected(['Person', 'Guard'])).toBe(false);
    expect(isProtected(['Person', 'Official'])).toBe(false);
    expect(isProtected(['Facility'])).toBe(false);
  });

  it('drops protected people from search hits, so a real name finds nothing', () => {
    const shown = withholdSearch(sample(), { role: 'viewer', redactAll: false, secret });
    expect(shown.nodes.map((node) => node.id).sort()).toEqual(['f1', 'o1', 'p1']);
    expect(shown.edges).toEqual([]);
    expect(shown.paths).toEqual([]);
  });
});
