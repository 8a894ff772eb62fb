// Start-up phases: quiet while short, narrated with their latest status once past two seconds, timed in the summary.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Phases } from './phases.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const elapse = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Phases', () => {
  it('says nothing of a phase shorter than two seconds, and times it', async () => {
    const lines: string[] = [];
    const phases = new Phases((line) => lines.push(line));
    const quick = phases.run('client', 'Building the client…', () => elapse(1_500));
    await vi.advanceTimersByTimeAsync(1_500);
    await quick;
    expect(lines).toEqual([]);
    expect(phases.summary()).toBe('client 1.5 s');
  });

  it('narrates a long phase at two seconds and every five after, with what it last said', async () => {
    const lines: string[] = [];
    const phases = new Phases((line) => lines.push(line));
    const seeding = phases.run('seed', 'Seeding…', async (say) => {
      await elapse(3_000);
      say('Seeding: 9,000 rows, 3,000 rows/s…');
      await elapse(6_000);
    });
    await vi.advanceTimersByTimeAsync(9_000);
    await seeding;
    expect(lines).toEqual(['Seeding… (2.0 s)', 'Seeding: 9,000 rows, 3,000 rows/s… (7.0 s)']);
  });

  it('sums a phase run twice and lists phases in the order they began, overlapping ones included', async () => {
    const phases = new Phases(() => {});
    const client = phases.run('client', 'Building the client…', () => elapse(4_000));
    await phases.run('fetch', 'Fetching…', () => Promise.resolve());
    const database = phases.run('database', 'Creating the database…', () => elapse(1_000));
    await vi.advanceTimersByTimeAsync(1_000);
    await database;
    const again = phases.run('database', 'Starting Neo4j…', () => elapse(2_000));
    await vi.advanceTimersByTimeAsync(3_000);
    await Promise.all([client, again]);
    expect(phases.summary()).toBe('client 4.0 s, fetch 0.0 s, database 3.0 s');
  });

  it('stops narrating a phase that failed, and still times it', async () => {
    const lines: string[] = [];
    const phases = new Phases((line) => lines.push(line));
    const failing = phases.run('database', 'Starting Neo4j…', async () => {
      await elapse(2_500);
      throw new Error('port taken');
    });
    const settled = expect(failing).rejects.toThrow('port taken');
    await vi.advanceTimersByTimeAsync(20_000);
    await settled;
    expect(lines).toEqual(['Starting Neo4j… (2.0 s)']);
    expect(phases.summary()).toBe('database 2.5 s');
  });
});
