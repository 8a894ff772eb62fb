// The nesting check on raw bytes: brackets inside strings and escaped quotes do not count.
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './json-limits.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('nestsDeeperThan', () => {
  it('counts arrays and objects inside one another', () => {
    expect(nestsDeeperThan(bytes('{"a": [1, {"b": []}]}'), 4)).toBe(false);
    expect(nestsDeeperThan(bytes('{"a": [1, {"b": []}]}'), 3)).toBe(true);
    expect(nestsDeeperThan(bytes(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 32)).toBe(true);
  });

  it('ignores brackets in strings, escaped quotes included', () => {
    expect(nestsDeeperThan(bytes(JSON.stringify({ name: '[[[[{{{{' })), 1)).toBe(false);
    expect(nestsDeeperThan(bytes(JSON.stringify({ name: 'say \\"[[[[\\" and "{{{{"' })), 1)).toBe(false);
    expect(nestsDeeperThan(bytes(JSON.stringify(['\\', [[]]])), 2)).toBe(true);
  });
});
