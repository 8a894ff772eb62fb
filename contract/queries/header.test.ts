import { describe, expect, it } from 'vitest';
import { bodyParameters, bodyVocabulary, HeaderError, parseHeader, stripComments } from './header.ts';

const sample = `// name: subordination-chain
// title: Subordination chain
// description: Every chain of SUBORDINATE_TO links
//   from an organisation up to the centre.
// param organizationId: stable id of the starting Organization
// param limit: most chains
//   to return
// returns: paths
// Ceiling 12: a note for readers, not part of the header.
//   Nor is this indented line.
MATCH p = (org:Organization {id: $organizationId})-[:SUBORDINATE_TO*1..12]->(top)
RETURN p LIMIT $limit`;

describe('parseHeader', () => {
  it('reads fields, continuation lines and params in order, defaulting mode to read', () => {
    expect(parseHeader(sample, 'x.cypher')).toEqual({
      name: 'subordination-chain',
      title: 'Subordination chain',
      description: 'Every chain of SUBORDINATE_TO links from an organisation up to the centre.',
      params: { organizationId: 'stable id of the starting Organization', limit: 'most chains to return' },
      returns: 'paths',
      mode: 'read',
    });
  });

  it('names the file and the missing field', () => {
    expect(() => parseHeader('// name: a\n// title: b\nMATCH (n) RETURN n', 'a.cypher')).toThrow(
      new HeaderError('a.cypher: header field "description" is missing'),
    );
  });

  it('refuses a repeated param, a param without explanation and an unknown mode', () => {
    const base = '// name: a\n// title: b\n// description: c\n// returns: d\n';
    expect(() => parseHeader(`${base}// param x: one\n// param x: two\n`, 'a.cypher')).toThrow(/parameter "x" is listed twice/);
    expect(() => parseHeader(`${base}// param x\n`, 'a.cypher')).toThrow(/needs "name: explanation"/);
    expect(() => parseHeader(`${base}// mode: delete\n`, 'a.cypher')).toThrow(/must be read or write/);
  });
});

describe('body helpers', () => {
  it('strips comments and lists $params, ignoring those inside strings', () => {
    const body = stripComments(`${sample}\n// trailing\nWITH '$notAParam' AS s RETURN s`);
    expect(body.startsWith('MATCH p')).toBe(true);
    expect(bodyParameters(body)).toEqual(['organizationId', 'limit']);
  });

  it('lists labels and the relationship types of patterns, not map keys or CASE', () => {
    const vocabulary = bodyVocabulary(
      "MATCH (a:Person|Organization)-[r:HELD_POST|SUBORDINATE_TO*1..3]->(b:Entity) WITH {rank: CASE r.x WHEN 'A:B' THEN 1 END} AS m RETURN m",
    );
    expect(vocabulary.labels.sort()).toEqual(['Entity', 'Organization', 'Person']);
    expect(vocabulary.types.sort()).toEqual(['HELD_POST', 'SUBORDINATE_TO']);
  });
});
