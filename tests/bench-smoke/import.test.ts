// bench:import in its smoke mode (tests/bench-smoke/smoke.ts says what a smoke run checks).
import { it } from 'vitest';
import { expectRuns, n } from './smoke.ts';

it('bench:import loads the small seed offline, online and with bare UNWIND batches, maps a roster CSV and measures the peak memory of an import', async () => {
  await expectRuns('import', [
    new RegExp(`^bare +${n} rows in ${n} s = ${n} rows/s`, 'm'),
    new RegExp(`^offline +${n} rows in ${n} s = ${n} rows/s +${n}x the bare driver`, 'm'),
    new RegExp(`Neo4j's importer ${n} s \\(${n} rows/s\\), constraints and indexes built after ${n} s`),
    new RegExp(`^online +${n} rows in ${n} s = ${n} rows/s +${n}x the bare driver`, 'm'),
    new RegExp(`^ +mapped +${n} rows/s`, 'm'),
    new RegExp(`^ +ratio +${n}x the bare driver`, 'm'),
    // Taken from `npm run import`'s own process: a figure, not the npm launcher's.
    new RegExp(`^memory +${n} GB roster, ${n} rows: peak RSS ${n} MB`, 'm'),
  ]);
}, 600_000);
