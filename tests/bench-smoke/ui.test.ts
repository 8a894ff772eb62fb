// bench:ui in its smoke mode (tests/bench-smoke/smoke.ts says what a smoke run checks).
import { it } from 'vitest';
import { expectRuns, n } from './smoke.ts';

it('bench:ui draws two sizes beside its baseline and pans them', async () => {
  await expectRuns('ui', [
    new RegExp(`^ {2}300: baseline ${n} ms, optimised ${n} ms`, 'm'),
    new RegExp(`^ {2}2500: baseline ${n} ms, optimised ${n} ms`, 'm'),
    /Where the draw time goes/,
  ]);
}, 600_000);
