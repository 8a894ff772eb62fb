// The matcher's rules and blocking on hand-made records: each spelling variant meets, namesakes with
// conflicting facts do not, and blocking never compares a pair that shares no key.
import { describe, expect, it } from 'vitest';
import { CandidateBlocker, findCandidates, nameForm, type PersonRecord } from './blocking.ts';
import { scorePair } from './match-rules.ts';
import { toMatchRecord } from './blocking.ts';

const person = (id: string, fields: Partial<PersonRecord>): PersonRecord => ({ id, kind: 'Person', ...fields });

describe('nameForm', () => {
  it('folds diacritics, tones, ULY and English spellings and word order to one form', () => {
    expect(nameForm('Abdukérim Qurban (synthetic D-000001)')).toBe(nameForm('Kurban Abdukerim'));
    expect(nameForm('Àihémǎitíjiāng Ābùdūlā')).toBe(nameForm('Aihemaitijiang Abudula'));
    expect(nameForm('Tursunjan Xewket')).toBe(nameForm('Shewket Tursunjang'));
    expect(nameForm('阿不都拉·吐尔逊（合成）')).toBe(nameForm('吐尔逊·阿不都拉'));
    expect(nameForm('Abdulla Tursun')).not.toBe(nameForm('Abdulla Memet'));
  });
});

describe('scorePair', () => {
  it('lists each signal with its weight, and a conflicting birth date outweighs a shared name', () => {
    const a = toMatchRecord(person('a', { name: 'Qurban Eli', birthDate: '1980-02-03', idNumber: '650000198002030011' }));
    const b = toMatchRecord(person('b', { name: 'Kurban Eli', birthDate: '1980-02-03', idNumber: '650000198002030011' }));
    expect(scorePair(a, b)).toEqual({
      score: 1,
      signals: [
        { name: 'same-id-number', weight: 0.6, description: 'the same ID number' },
        expect.objectContaining({ name: 'same-name', weight: 0.3 }),
        expect.objectContaining({ name: 'same-birth-date', weight: 0.3 }),
      ],
    });
    const namesake = toMatchRecord(person('c', { name: 'Qurban Eli', birthDate: '1961-07-09' }));
    expect(scorePair(a, namesake).score).toBe(0);
  });

  it('reads a roster placeholder for no ID number as no ID number: neither the same nor a different one', () => {
    const a = toMatchRecord(person('a', { name: 'Qurban Eli', birthDate: '1980-02-03', idNumber: '无' }));
    const b = toMatchRecord(person('b', { name: 'Rozi Yasin', birthDate: '1991-05-06', idNumber: '无' }));
    const c = toMatchRecord(person('c', { name: 'Qurban Eli', birthDate: '1980-02-03', idNumber: '650000198002030011' }));
    expect(scorePair(a, b).signals.map((signal) => signal.name)).not.toContain('same-id-number');
    expect(scorePair(a, c).signals.map((signal) => signal.name)).not.toContain('different-id-number');
  });
});

describe('CandidateBlocker', () => {
  it('finds duplicates across scripts and compares only pairs that share a key', () => {
    const people = [
      person('d1', { name: 'Ehmetjan Abdulla', nameZh: '艾合买提江·阿不都拉', birthDate: '1975-04-01' }),
      person('d2', { name: 'Aihemaitijiang Abudula', nameZh: '艾合买提江·阿不都拉', birthDate: '1975-04-01' }),
      person('d3', { name: 'Abdulla Ehmetjang', idNumber: 'SYN-0000000001' }),
      person('d4', { name: 'Rozi Yasin', idNumber: 'SYN-0000000001' }),
      person('o1', { name: 'Somebody Else', birthDate: '1990-01-01' }),
    ];
    const { candidates, stats } = findCandidates(people);
    // An ID number alone is worth an analyst's look (a name misspelt or a number mistyped), a name alone is not.
    expect(candidates.map((candidate) => `${candidate.leftId}|${candidate.rightId}:${candidate.score}`)).toEqual(['d1|d2:0.7', 'd3|d4:0.6']);
    expect(candidates[0]!.sharedKeys).toEqual(expect.arrayContaining(['born', 'name']));
    // d1-d3 share a name, d3-d4 an ID number, d1-d2 several keys (counted once); o1 shares nothing.
    expect(stats.pairsCompared).toBe(3);
  });

  it('skips a block past the cap and counts it, so a very common name costs no quadratic work', () => {
    const blocker = new CandidateBlocker({ maxBlockSize: 3 });
    for (let i = 0; i < 10; i++) blocker.add(person(`p${i}`, { name: 'Memet Tursun' }));
    expect([...blocker.candidates()]).toEqual([]);
    expect(blocker.stats).toMatchObject({ records: 10, oversizedBlocks: 1, pairsCompared: 0 });
  });

  it('never pairs records of different kinds', () => {
    const { stats, candidates } = findCandidates([
      person('x', { name: 'Tahir Imin', idNumber: '650000197001010011', birthDate: '1970-01-01' }),
      { ...person('y', { name: 'Tahir Imin', idNumber: '650000197001010011', birthDate: '1970-01-01' }), kind: 'Organization' },
    ]);
    expect(candidates).toEqual([]);
    expect(stats.pairsCompared).toBe(1);
  });
});
