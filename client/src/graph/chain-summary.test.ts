// summarizeChains names each chain's ends and weakest link in the direction the chain is read.
import { describe, expect, it } from 'vitest';
import { chainResult } from './chain-result.fixture.ts';
import { summarizeChains } from './chain-summary.ts';

describe('summarizeChains', () => {
  it('lists chains in server order with strength, hops and the weakest link named', () => {
    const [first, second, ...rest] = summarizeChains(chainResult());
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      number: 1,
      strength: 'reported',
      hops: 4,
      from: 'Detainee A (synthetic)',
      to: 'Leader P',
      weakestLink: { id: 'e1', lower: 'Detainee A (synthetic)', caption: 'detained at', upper: 'Camp F' },
    });
    expect(second).toMatchObject({
      number: 2,
      strength: 'inferred',
      weakestLink: { id: 'e5', lower: 'Camp F', caption: 'operated by', upper: 'County Bureau 3' },
    });
  });

  it('says nothing about a weakest link the server did not name', () => {
    const result = chainResult();
    for (const path of result.paths) delete path.attributes.weakestLinkId;
    expect(summarizeChains(result).map((chain) => chain.weakestLink)).toEqual([null, null]);
  });
});
