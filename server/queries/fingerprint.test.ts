// Fingerprints: the same for the same element whatever the order, different for any change.
import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprintEdge, fingerprintNode } from './fingerprint.ts';

const official = { labels: ['Person', 'Official', 'Entity'], properties: { id: 'o1', name: 'Official One', sources: ['s1'], confidence: 'reported' } };
const post = { type: 'HELD_POST', source: 'o1', target: 'org1', properties: { id: 'p1', from: '2016-08-29', sources: ['s1'] } };

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps list order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});

describe('fingerprintNode', () => {
  it('is 256 bits of base64url, the same whatever the order of labels and properties', () => {
    const fingerprint = fingerprintNode(official);
    expect(fingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const reordered = { labels: ['Entity', 'Official', 'Person'], properties: { confidence: 'reported', sources: ['s1'], name: 'Official One', id: 'o1' } };
    expect(fingerprintNode(reordered)).toBe(fingerprint);
  });

  it('changes with any property, a label, or the order of a list', () => {
    const fingerprint = fingerprintNode(official);
    expect(fingerprintNode({ ...official, properties: { ...official.properties, confidence: 'confirmed' } })).not.toBe(fingerprint);
    expect(fingerprintNode({ ...official, properties: { ...official.properties, notes: 'x' } })).not.toBe(fingerprint);
    expect(fingerprintNode({ ...official, labels: [...official.labels, 'Detainee'] })).not.toBe(fingerprint);
    expect(fingerprintNode({ ...official, properties: { ...official.properties, sources: ['s1', 's2'] } })).not.toBe(
      fingerprintNode({ ...official, properties: { ...official.properties, sources: ['s2', 's1'] } }),
    );
  });

  it('leaves out the id, which is the key it is filed under', () => {
    expect(fingerprintNode({ ...official, properties: { ...official.properties, id: 'o2' } })).toBe(fingerprintNode(official));
  });

  it('tells a string from a number', () => {
    expect(fingerprintNode({ labels: [], properties: { age: 41 } })).not.toBe(fingerprintNode({ labels: [], properties: { age: '41' } }));
  });
});

describe('fingerprintEdge', () => {
  it('changes with the type, either end or a property, and never equals a node with the same properties', () => {
    const fingerprint = fingerprintEdge(post);
    expect(fingerprintEdge({ ...post })).toBe(fingerprint);
    expect(fingerprintEdge({ ...post, type: 'REPORTS_TO' })).not.toBe(fingerprint);
    expect(fingerprintEdge({ ...post, target: 'org2' })).not.toBe(fingerprint);
    expect(fingerprintEdge({ ...post, source: 'org1', target: 'o1' })).not.toBe(fingerprint);
    expect(fingerprintEdge({ ...post, properties: { ...post.properties, to: '2021-12-25' } })).not.toBe(fingerprint);
    expect(fingerprintNode({ labels: [], properties: post.properties })).not.toBe(fingerprint);
  });
});
