import { describe, expect, it } from 'vitest';
import { NodeRow } from '../../../contract/graph-rows.ts';
import { type Candidate, Candidates, FileNodes, mergedInto, verdictOf } from './matching.ts';

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

describe("matching against the file's own nodes not yet in the graph", () => {
  const born = (id: string, birthDate: string, more: Record<string, unknown> = {}) =>
    person(id, { name: 'Abdukerim Tursun', birthDate, address: '疏附县 测试乡 1村', ...more });

  it('finds an earlier row by its ID number, or by its name corroborated, and prefers the graph only when it is certain', () => {
    const file = new FileNodes();
    file.add(born('roster:person:1', '1970-05-05', { idNumber: '650000197005050011' }));
    const again = born('roster:person:2', '1970-05-05', { idNumber: '650000197005050011' });
    expect(verdictOf(again, new Candidates([]), file)).toMatchObject({ verdict: 'same', existing: { id: 'roster:person:1' }, reasons: ['same ID number'] });
    const inGraphByNumber = born('graph:person:8', '1970-05-05', { idNumber: '650000197005050011' });
    expect(verdictOf(again, new Candidates([candidate(inGraphByNumber, 'idNumber')]), file)).toMatchObject({ existing: { id: 'graph:person:8' } });
    const namesake = born('roster:person:3', '1970-05-05');
    expect(verdictOf(namesake, new Candidates([]), file)).toMatchObject({ verdict: 'possible', existing: { id: 'roster:person:1' } });
    const inGraph = born('graph:person:9', '1970-05-05');
    expect(verdictOf({ ...namesake, id: 'graph:person:9' }, new Candidates([candidate(inGraph, 'id')]), file)).toMatchObject({
      verdict: 'same',
      reasons: ['same id'],
    });
  });

  it('keeps a judged node for the rows after it only when it stays under its own id', () => {
    const file = new FileNodes();
    const first = born('roster:person:1', '1970-05-05', { idNumber: '650000197005050011' });
    expect(file.judge(first, new Candidates([])).verdict).toBe('new');
    const merged = born('roster:person:2', '1980-01-01', { idNumber: '650000197005050011', name: 'Ablikim Tursun' });
    const verdict = file.judge(merged, new Candidates([]));
    expect(mergedInto(merged, verdict)).toBe('roster:person:1');
    // The merged row is not kept: its name finds no one, though the first row's still does.
    expect(file.sharing(born('roster:person:3', '1980-01-01', { name: 'Ablikim Tursun' }))).toEqual([]);
    expect(file.sharing(born('roster:person:3', '1970-05-05')).map(({ candidate }) => candidate.id)).toEqual(['roster:person:1']);
  });

  it('matches no one by a roster placeholder for no ID number', () => {
    const file = new FileNodes();
    for (const placeholder of ['无', '000000000000000000']) {
      file.add(born(`roster:person:${placeholder}`, '1970-05-05', { idNumber: placeholder, name: 'Rozi Yasin' }));
      const other = born('roster:person:other', '1985-01-01', { idNumber: placeholder, name: 'Memet Tohti' });
      expect(verdictOf(other, new Candidates([]), file).verdict, placeholder).toBe('new');
      const inGraph = born('graph:person:7', '1960-01-01', { idNumber: placeholder, name: 'Ablikim Tursun' });
      expect(verdictOf(other, new Candidates([candidate(inGraph, 'idNumber')]), file).verdict, placeholder).toBe('new');
    }
  });

  it("gives a name's first few bearers and those born on the node's day, and keeps a batch for the two after it", () => {
    const file = new FileNodes();
    for (let i = 0; i < 12; i++) file.add(born(`roster:person:${i}`, `19${50 + i}-01-01`));
    expect(file.sharing(born('roster:person:x', '1990-09-09')).map(({ candidate }) => candidate.id)).toEqual([0, 1, 2, 3, 4].map((i) => `roster:person:${i}`));
    expect(verdictOf(born('roster:person:y', '1961-01-01'), new Candidates([]), file)).toMatchObject({
      verdict: 'possible',
      existing: { id: 'roster:person:11' },
    });
    for (let batch = 0; batch < 2; batch++) {
      file.endBatch();
      expect(file.sharing(born('roster:person:x', '1990-09-09'))).toHaveLength(5);
    }
    file.endBatch();
    expect(file.sharing(born('roster:person:x', '1990-09-09'))).toHaveLength(0);
    expect(verdictOf(born('roster:person:y', '1961-01-01'), new Candidates([]), file).verdict).toBe('new');
  });
});
