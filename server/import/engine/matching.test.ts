import { describe, expect, it } from 'vitest';
import { NodeRow } from '../../../contract/graph-rows.ts';
import { type Candidate, Candidates, verdictOf } from './matching.ts';

const person = (id: string, properties: Record<string, unknown>) =>
  NodeRow.parse({ id, labels: ['Person', 'Detainee'], properties: { sources: ['doc:roster'], confidence: 'reported', synthetic: true, ...properties } });

const candidate = (node: NodeRow, via: Candidate['via'] = 'name'): Candidate =>
  ({ id: node.id, labels: node.labels, via, properties: node.properties }) as Candidate;

describe('matching an incoming node against its candidates', () => {
  const incoming = person('roster:person:1', { name: '王伟芳', birthDate: '1951-02-02', address: '疏附县 测试乡 1村' });

  it('names the signals that agreed, and never scores a name match as certain', () => {
    const namesake = person('graph:person:9', { name: 'Wang Weifang', birthDate: '1951-02-02', address: '疏附县  测试乡 1村' });
    const verdict = verdictOf(incoming, new Candidates([candidate(namesake)]));
    expect(verdict).toMatchObject({
      verdict: 'possible',
      score: 0.99,
      reasons: ['same name, written the same in some script', 'same birth date', 'same address'],
    });
    expect(verdict.existing?.id).toBe('graph:person:9');
  });

  it('keeps a namesake with another birth date, or with nothing else in common, apart', () => {
    const otherBirth = person('graph:person:8', { name: '王伟芳', birthDate: '1960-01-01', address: '疏附县 测试乡 1村' });
    const nameOnly = person('graph:person:7', { name: '王伟芳' });
    expect(verdictOf(incoming, new Candidates([candidate(otherBirth), candidate(nameOnly)])).verdict).toBe('new');
  });

  it('scores a candidate the graph gave twice once, and prefers the id and the ID number over any name', () => {
    const namesake = person('graph:person:9', { name: '王伟芳', birthDate: '1951-02-02' });
    const twice = new Candidates([candidate(namesake), candidate(namesake)]);
    expect(twice.sharing(new Set(incoming.properties.matchKeys as string[]))).toHaveLength(1);
    const sameId = person('roster:person:1', { name: '别的名字' });
    expect(verdictOf(incoming, new Candidates([candidate(namesake), candidate(sameId, 'id')]))).toMatchObject({ verdict: 'same', reasons: ['same id'] });
  });
});
