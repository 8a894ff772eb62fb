// import-file's pure part: the import id that makes a re-run resume and a finished import a no-op.
import { describe, expect, it } from 'vitest';
import { importIdOf } from './import-file.ts';

describe('importIdOf', () => {
  const bytes = Buffer.from('id,name\n');
  const options = { type: 'Person', skipInvalid: false, batchSize: 5_000 };

  it('is the same for the same bytes and options, whoever runs it', () => {
    expect(importIdOf(bytes, options)).toBe(importIdOf(Buffer.from('id,name\n'), { ...options }));
    expect(importIdOf(bytes, options)).toMatch(/^import:[0-9a-f]{64}$/);
  });

  it('differs when anything that decides the batches differs', () => {
    const ids = new Set([
      importIdOf(bytes, options),
      importIdOf(Buffer.from('id,name\r\n'), options),
      importIdOf(bytes, { ...options, type: 'Official' }),
      importIdOf(bytes, { ...options, type: undefined }),
      importIdOf(bytes, { ...options, skipInvalid: true }),
      importIdOf(bytes, { ...options, batchSize: 50 }),
    ]);
    expect(ids.size).toBe(6);
  });
});
