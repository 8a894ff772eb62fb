import { describe, expect, it } from 'vitest';
import { identifyingIdNumber } from './id-number.ts';

describe('identifyingIdNumber', () => {
  it('keeps ID numbers and passport numbers, and takes a roster placeholder for none', () => {
    for (const number of ['650000197503030033', '65000019750303003X', '650000750303003', 'E12345678', 'G 1234 5678'])
      expect(identifyingIdNumber(number), number).toBe(number);
    for (const placeholder of ['无', '不详', '未知', '-', '0', '/', 'N/A', 'unknown', '000000000000000000', '111111', '12345', '— — —', ''])
      expect(identifyingIdNumber(placeholder), placeholder).toBeNull();
    expect(identifyingIdNumber(undefined)).toBeNull();
  });
});
