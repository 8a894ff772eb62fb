// summarizeChains names each chain's end, strength and weakest link (with its reason) in the direction the chain is read.
import { describe, expect, it } from 'vitest';
import { chainResult } from './chain-result.fixture.ts';
import { summarizeChains } from './chain-summary.ts';

describe('summarizeChains', () => {
  it('lists chains in server order with strength, hops, the end reached and the weakest link named with its reason', () => {
    const [first, second, ...rest] = summarizeChains(chainResult());
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      number: 1,
      strength: 'reported',
      hops: 4,
      from: 'Detainee A (synthetic)',
      to: 'Leader P',
      reaches: { body: 'Central Committee', leader: 'Leader P', post: 'Secretary', heads: true },
      weakestLink: { id: 'e1', lower: 'Detainee A (synthetic)', caption: 'detained at', upper: 'Camp F', confidence: 'reported', sources: ['Document One'] },
      uniform: null,
    });
    expect(second).toMatchObject({
      number: 2,
      strength: 'inferred',
      weakestLink: { id: 'e5', lower: 'Camp F', caption: 'operated by', upper: 'County Bureau 3', confidence: 'inferred' },
    });
  });

  it('names no weakest link on a chain whose links are all as strong: every link confirmed', () => {
    const result = chainResult();
    for (const edge of result.edges) edge.properties = { ...edge.properties, confidence: 'confirmed' };
    const chains = summarizeChains(result);
    expect(chains.map((chain) => chain.weakestLink)).toEqual([null, null]);
    expect(chains.map((chain) => chain.uniform)).toEqual(['confirmed', 'confirmed']);
  });

  it('names a hypothesis link the weakest of a chain whose evidence is all confirmed, as the server does', () => {
    const result = chainResult();
    for (const edge of result.edges) edge.properties = { ...edge.properties, confidence: 'confirmed' };
    result.edges.push({ id: 'h1', type: 'HYPOTHESIS', source: 'f1', target: 'o1', properties: { id: 'h1', caption: 'run by' } });
    result.paths = [
      { nodes: ['d1', 'f1', 'o1', 'o2', 'p1'], edges: ['e1', 'h1', 'e3', 'e4'], attributes: { strength: 'hypothesis', weakestLinkId: 'h1', hops: 4 } },
    ];
    const [chain] = summarizeChains(result);
    expect(chain).toMatchObject({ strength: 'hypothesis', weakestLink: { id: 'h1', confidence: null, sources: [] }, uniform: null });
  });

  it('lists a chain that passes through the same links once', () => {
    const result = chainResult();
    result.paths.push({ ...result.paths[0]!, attributes: { ...result.paths[0]!.attributes } });
    expect(summarizeChains(result).map((chain) => chain.number)).toEqual([1, 2]);
  });

  it('gives the source’s own wording as what the weakest link was inferred from', () => {
    const result = chainResult();
    const inferred = result.edges.find((edge) => edge.id === 'e5')!;
    inferred.properties = { ...inferred.properties, relation: 'operates (named in a county budget)' };
    expect(summarizeChains(result)[1]!.weakestLink!.basis).toBe('operates (named in a county budget)');
  });

  it('says nothing about a weakest link the server did not name', () => {
    const result = chainResult();
    for (const path of result.paths) delete path.attributes.weakestLinkId;
    expect(summarizeChains(result).map((chain) => chain.weakestLink)).toEqual([null, null]);
  });
});
