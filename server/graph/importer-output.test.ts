// Reading the offline importer's output (admin-import.ts) as Neo4j 5.26.30 prints it: the stage names and
// the bar's counts, which arrive as "\r"-ended redraws, reach the seed's progress as they come. The text
// below is the importer's own output from a 1m seed, cut short where its bars run on.
import { describe, expect, it } from 'vitest';
import { ImporterOutput, type ImporterProgress } from './admin-import.ts';

const bar = (stage: string, count: string, delta: string) => `\r[*${stage}:0B/s 1.004GiB${'-'.repeat(73)}] ${count} ∆ ${delta}`;

const OUTPUT = [
  'Available resources:\n',
  '  Max worker threads: 2\n',
  'WARNING: heap size 512.0MiB may be too small to complete this import. Suggested heap size is 1.001GiBNodes, started 2026-12-04 22:47:02.388+0000\n',
  bar('Nodes', '   0', '   0'),
  bar('Nodes', '120K', '120K'),
  bar('Nodes', '1.06M', '140K'),
  '\nDone in 19s 699ms\n',
  'Prepare node index, started 2026-12-04 22:47:22.094+0000\n',
  `\r[*:1.015GiB${'-'.repeat(83)}]3.19M ∆3.19M`,
  '\nDone in 851ms\n',
  'Relationships, started 2026-12-04 22:47:22.955+0000\n',
  bar('Relationships', '400K', '400K'),
  '\nDone in 13s 629ms\n',
  'Relationship --> Relationship 1/13, started 2026-12-04 22:47:37.326+0000\n',
  'RelationshipGroup 1/13, started 2026-12-04 22:47:37.953+0000\n',
  'Node counts and label index build, started 2026-12-04 22:47:44.875+0000\n',
  'IMPORT DONE in 44s 940ms. \n',
  'Imported:\n',
  '  1065388 nodes\n',
  '  3054953 relationships\n',
].join('');

function read(chunks: string[]): { progress: ImporterProgress[]; lines: string[] } {
  const progress: ImporterProgress[] = [];
  const output = new ImporterOutput((each) => progress.push(each));
  const stdout = output.stream();
  for (const chunk of chunks) stdout(chunk);
  output.end();
  return { progress, lines: output.lines };
}

describe("the offline importer's output", () => {
  it('gives each stage by its name and the count its bar shows, in order', () => {
    const { progress } = read([OUTPUT]);
    expect(progress).toEqual([
      { step: 'Nodes', done: null },
      { step: 'Nodes', done: '0' },
      { step: 'Nodes', done: '120K' },
      { step: 'Nodes', done: '1.06M' },
      { step: 'Prepare node index', done: null },
      { step: 'Prepare node index', done: '3.19M' },
      { step: 'Relationships', done: null },
      { step: 'Relationships', done: '400K' },
      { step: 'Relationship --> Relationship 1/13', done: null },
      { step: 'RelationshipGroup 1/13', done: null },
      { step: 'Node counts and label index build', done: null },
    ]);
  });

  it('reads a redraw as soon as it ends, however the stream is cut, and keeps lines without the redraws', () => {
    // Cut every 7 characters: a line, a redraw and the "∆" split between chunks.
    const chunks = OUTPUT.match(/[\s\S]{1,7}/g)!;
    const { progress, lines } = read(chunks);
    expect(progress).toEqual(read([OUTPUT]).progress);
    expect(lines).toContain('  1065388 nodes');
    expect(lines).toContain('  3054953 relationships');
    expect(lines.some((line) => line.includes('∆'))).toBe(false);
  });

  it('keeps the lines of stdout and stderr apart when their chunks interleave', () => {
    const output = new ImporterOutput();
    const stdout = output.stream();
    const stderr = output.stream();
    stdout('  1065388 no');
    stderr('WARNING: a thing\n');
    stdout('des\n');
    output.end();
    expect(output.lines).toEqual(['WARNING: a thing', '  1065388 nodes']);
  });
});
