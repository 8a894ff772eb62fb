// `npm run bench:export [-- --runs 3]`: a viewer's export of the largest body the limits allow, in every
// format, as the server does it (checked, withheld and rendered in the export worker pool) beside a
// baseline in the same run: the same steps on the event loop. Reports the event loop's longest stall
// during each (what health and other users wait for) and their ratio; then each renderer at an eighth
// of the limit and at the limit, whose time ratio is about 8 when it is linear (64 if quadratic).
// Timings vary with the machine; the ratios much less.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ExportFormat } from '../../contract/api/export.ts';
import { render, validateSubmitted } from '../../server/export/render-worker.ts';
import type { RenderOptions } from '../../server/export/formats.ts';
import { exportSubmitted } from '../../server/http/export-workers.ts';
import { withhold, type WithholdOptions } from '../../server/policy/withhold.ts';
import { largestExportBody } from '../fixtures/largest-export.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const viewer: WithholdOptions = { role: 'viewer', redactAll: false, secret: 'bench secret' };
const optionsFor = (format: ExportFormat): RenderOptions => ({ part: format === 'csv' ? 'nodes' : undefined, generatedAt: new Date(0), origin: 'submitted' });

/** The event loop's longest stall (ms) while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // A tick before and after, so a stall at either end is seen.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await work();
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  return delay.max / 1e6;
}

async function onTheEventLoop(body: Uint8Array, format: ExportFormat): Promise<void> {
  const checked = validateSubmitted({ body });
  if (checked.kind !== 'ok') throw new Error(checked.kind);
  const file = await render({ format, result: withhold(checked.result, viewer), options: optionsFor(format) });
  if (typeof file === 'string') new TextEncoder().encode(file);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

const largest = new TextEncoder().encode(largestExportBody());
console.log(`A viewer's export of ${(largest.byteLength / 1e6).toFixed(1)} MB (20,000 elements), median of ${runs}: the event loop's longest stall`);
for (const format of ExportFormat.options) {
  const baseline: number[] = [];
  const server: number[] = [];
  for (let run = 0; run < runs; run++) {
    baseline.push(await longestStall(() => onTheEventLoop(largest, format)));
    server.push(await longestStall(() => exportSubmitted(largest, format, optionsFor(format), viewer, {}, {})));
  }
  console.log(
    `  ${format.padEnd(9)} on the event loop ${ms(median(baseline)).padStart(8)}, in the worker pool ${ms(median(server)).padStart(7)}: ${(median(baseline) / median(server)).toFixed(0)}x shorter`,
  );
}

console.log('Rendering (after withholding) at 1/8 of the limit and at the limit: time ratio, 8 when linear');
const withheld = (scale: number) => {
  const checked = validateSubmitted({ body: new TextEncoder().encode(largestExportBody(scale)) });
  if (checked.kind !== 'ok') throw new Error(checked.kind);
  return withhold(checked.result, viewer);
};
const small = withheld(1 / 8);
const full = withheld(1);
for (const format of ExportFormat.options) {
  const time = (result: typeof full) => {
    const started = performance.now();
    render({ format, result, options: optionsFor(format) });
    return performance.now() - started;
  };
  const smallMs = median(Array.from({ length: runs }, () => time(small)));
  const fullMs = median(Array.from({ length: runs }, () => time(full)));
  console.log(`  ${format.padEnd(9)} ${ms(smallMs).padStart(8)} -> ${ms(fullMs).padStart(8)}: ${(fullMs / smallMs).toFixed(1)}x`);
}
// The worker pool keeps idle threads for a minute; the benchmark is done.
process.exit(0);
