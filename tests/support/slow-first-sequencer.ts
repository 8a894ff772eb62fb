// The order test files start in. Two workers share the run; the run ends when the later of them is
// done, so the files that take minutes (each starts JVMs of its own: a Neo4j, the offline importer, a
// whole `npm start`, a benchmark) must start first, and the many short files fill in around them.
// Vitest's own order is by the last run's durations, which a clean clone (CI) does not have: it then
// falls back to file size, and a short file that starts three JVMs (the bench smoke) ran last, alone,
// for twelve minutes. What a file starts is read from its source, so a new slow file needs no list.
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Calls that start a JVM or a child app: a Neo4j, `npm start`, a benchmark. */
const STARTS_JVMS = /\b(startEmbeddedNeo4j|startTestNeo4j|launchApp|launch|withApp|expectRuns|runBench|startNeo4j)\(/g;

/**
 * How much a file costs, roughly: ten for each call that starts JVMs (tens of seconds each on two busy
 * cores), one for a browser test (a Chromium of its own), nothing for the rest.
 */
function weight(file: string): number {
  const starts = readFileSync(file, 'utf8').match(STARTS_JVMS)?.length ?? 0;
  return starts * 10 + (file.endsWith('.spec.ts') ? 1 : 0);
}

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    const weights = new Map(ordered.map((spec) => [spec.moduleId, weight(spec.moduleId)]));
    // Array.prototype.sort is stable: within one weight, Vitest's own order (durations, else size) stays.
    return ordered.sort((a, b) => weights.get(b.moduleId)! - weights.get(a.moduleId)!);
  }
}
