// Preloaded into a process a benchmark measures (`node --import ./tests/bench/report-peak-rss.ts …`,
// or through NODE_OPTIONS when npm starts it): prints its peak resident memory as it exits, written
// synchronously so an exit() cannot lose it. Given REPORT_PEAK_RSS_OF, only the process whose script
// path ends so reports (not npm itself, which NODE_OPTIONS also reaches).
import { writeSync } from 'node:fs';

const only = process.env.REPORT_PEAK_RSS_OF;
if (!only || process.argv[1]?.endsWith(only))
  process.on('exit', () => {
    writeSync(1, `peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
  });
