// Each kind and relationship type is stated once in the model; every list elsewhere that names
// kinds must agree with it: a kind the model lacks, or one it has that is missing, fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  isProtected,
  NodeKind,
  NodeLabel,
  nodeKinds,
  nodeSchemas,
  propertyTitle,
  RelationshipProps,
  RelationshipType,
  relationshipTypes,
  SEARCHED_NAME_FIELDS,
  searchableKinds,
} from './model.ts';
import { propertyTitles } from './model/property-titles.ts';

const cypher = (file: string) => readFileSync(new URL(`./queries/${file}`, import.meta.url), 'utf8');

describe('the model, stated once', () => {
  it('puts exactly the searchable kinds and their name fields in the full-text index', () => {
    const index = /CREATE FULLTEXT INDEX entityNames[^;]*FOR \(n:([^)]*)\) ON EACH \[([^\]]*)\]/.exec(cypher('schema/schema.cypher'));
    expect(index, 'schema.cypher creates the entityNames index').not.toBeNull();
    expect(index![1]!.split('|').sort()).toEqual([...searchableKinds].sort());
    expect(
      index![2]!
        .split(',')
        .map((field) => field.trim().replace(/^n\./, ''))
        .sort(),
    ).toEqual([...SEARCHED_NAME_FIELDS].sort());
    // Matching on import looks for the same kinds' whole names in an index of their own.
    const matching = /CREATE FULLTEXT INDEX entityMatchKeys[^;]*FOR \(n:([^)]*)\) ON EACH \[n\.matchKeys\]/.exec(cypher('schema/schema.cypher'));
    expect(matching![1]!.split('|').sort()).toEqual([...searchableKinds].sort());
  });

  it('puts in the publicNames index only kinds that are never protected, and filters the label that always protects', () => {
    const index = /CREATE FULLTEXT INDEX publicNames[^;]*FOR \(n:([^)]*)\) ON EACH \[([^\]]*)\]/.exec(cypher('schema/schema.cypher'));
    expect(index, 'schema.cypher creates the publicNames index').not.toBeNull();
    const neverProtected = NodeLabel.options.filter((label) => {
      const spec: { protection?: string; properties: unknown; searchable: boolean } = nodeKinds[label];
      return spec.protection === 'never' || (spec.protection === undefined && spec.searchable);
    });
    expect(index![1]!.split('|').sort()).toEqual([...neverProtected].sort());
    // A search for those kinds alone reads that index (full-text-names.cypher): it must name them all, and no other.
    const routed = /all\(kind IN \$kinds WHERE kind IN \[([^\]]*)\]\)\s+THEN 'publicNames'/.exec(cypher('search/full-text-names.cypher'));
    expect(routed, 'full-text-names.cypher reads publicNames for its kinds').not.toBeNull();
    expect(
      routed![1]!
        .split(',')
        .map((label) => label.trim().replace(/'/g, ''))
        .sort(),
    ).toEqual([...neverProtected].sort());
    const always = NodeLabel.options.filter((label) => (nodeKinds[label] as { protection?: string }).protection === 'always');
    for (const label of always) expect(cypher('search/public-names.cypher')).toContain(`NOT node:${label}`);
  });

  it('writes what a redacted reader may not see into each query asked in their stead, as the model says it', () => {
    // A link is withheld when its type is withheld with a victim and either end is protected (disclosedVictimLink, isProtected).
    const withheld = RelationshipType.options.filter((type) => relationshipTypes[type].withVictim === 'withheld');
    const protection = (level: string) => NodeLabel.options.filter((label) => (nodeKinds[label] as { protection?: string }).protection === level);
    const protectedLabels = [...protection('always'), `(${protection('default').join('|')}&!${protection('never').join('&!')})`].join('|');
    expect(isProtected(['Entity', 'Person'])).toBe(true);
    for (const file of [
      'paths/public-common-connections.cypher',
      'paths/public-shortest-path.cypher',
      'paths/public-all-shortest-paths.cypher',
      'explore/public-expand-neighbourhood.cypher',
      'explore/public-relationship-counts.cypher',
    ]) {
      const text = cypher(file);
      expect(text, file).toContain(`link:${withheld.join('|')}`);
      // Every label test in the file is the whole of the model's protection, written the one way.
      const balanced = (test: string): string => (test.split(')').length > test.split('(').length ? balanced(test.slice(0, -1)) : test);
      const tests = [...text.matchAll(/\w+:((?:Detainee|Person|Official|Guard)[\w|&!()]*)/g)].map((match) => balanced(match[1]!));
      expect(tests.length, file).toBeGreaterThan(0);
      for (const test of tests) expect(test, file).toBe(protectedLabels);
    }
  });

  it('counts every label and every relationship type in graph statistics, and nothing else', () => {
    const statistics = cypher('stats/graph-statistics.cypher');
    const counted = (pattern: RegExp) => [...statistics.matchAll(pattern)].map((match) => match[1]!).sort();
    expect(counted(/(\w+): COUNT \{ \(:\w+\) \}/g)).toEqual([...NodeLabel.options].sort());
    expect(counted(/(\w+): COUNT \{ \(\)-\[:\w+\]->\(\) \}/g)).toEqual([...RelationshipType.options].sort());
  });

  it('names as personal data only properties its kinds have', () => {
    for (const label of NodeLabel.options) {
      const spec = nodeKinds[label];
      const properties = Object.keys((spec.properties ?? nodeSchemas.Person).shape);
      for (const key of spec.personal) expect(properties, `${label}.${key}`).toContain(key);
    }
    for (const type of RelationshipType.options) {
      for (const key of relationshipTypes[type].personal) expect(Object.keys(RelationshipProps.shape), `${type}.${key}`).toContain(key);
    }
  });

  it('joins only kinds it has, and titles only properties it has', () => {
    for (const type of RelationshipType.options) {
      for (const label of [...relationshipTypes[type].ends.from, ...relationshipTypes[type].ends.to]) expect(NodeLabel.options).toContain(label);
    }
    const declared = new Set([...NodeKind.options.flatMap((kind) => Object.keys(nodeSchemas[kind].shape)), ...Object.keys(RelationshipProps.shape)]);
    for (const key of Object.keys(propertyTitles)) expect(declared, key).toContain(key);
    expect(propertyTitle('detentionReason')).toBe('Detention reason');
  });
});
