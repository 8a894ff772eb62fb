// Preloaded into a process a benchmark measures (`node --import ./tests/bench/report-peak-rss.ts …`):
// prints its peak resident memory as it exits, written synchronously so an exit() cannot lose it.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(1, `peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
