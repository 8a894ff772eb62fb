// The README's list of every type's columns is the one --help prints, generated from the model.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnReference } from './model-columns.ts';

describe('columnReference', () => {
  it('is what the README lists between its column markers', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const listed = /<!-- columns:start -->\n```text\n([\s\S]*?)\n```\n<!-- columns:end -->/.exec(readme);
    expect(listed, 'README.md has the column list between <!-- columns:start --> and <!-- columns:end -->').not.toBeNull();
    expect(listed![1]).toBe(columnReference());
  });

  it('names the link ends apart from the documents cited and the dates', () => {
    expect(columnReference()).toContain('source = id of the node the link starts at, target = id');
    expect(columnReference()).toContain('DETAINED_AT      source: Detainee -> target: Facility');
  });
});
