// The first run of each query on a Neo4j goes alone. Neo4j plans a query the first time its JVM sees
// the text, and plans it again for every transaction that asks before that first plan is cached: ten
// requests arriving together after a restart planned the chain of command ten times over, on cores the
// new JVM was already filling with its own start, and every one of them ran past its budget for forty
// seconds (tests/faults/embedded-neo4j.test.ts). Held back until the first run ends, the other nine
// find the plan cached and answer in milliseconds.
import type { Driver } from 'neo4j-driver';

export class FirstRuns {
  /** Query texts this Neo4j has run to the end since it last went away: their plans are cached. */
  private readonly planned = new Set<string>();
  /** The first run of a text, under way: the others wait for it to end, however it ends. */
  private readonly firsts = new Map<string, Promise<unknown>>();
  /** How often each text was run since the app started: a warm-up after a restart plans the most asked first. */
  private readonly runs = new Map<string, number>();
  /** Moves on every forget(): a first run begun on a Neo4j that went away must not mark a plan on the next. */
  private generation = 0;

  /** The first run of `cypher` to wait for before running it; undefined when it may run now. */
  inFlight(cypher: string): Promise<unknown> | undefined {
    return this.planned.has(cypher) ? undefined : this.firsts.get(cypher);
  }

  /** Whether `cypher` has run to the end on this Neo4j: its plan is cached. */
  hasRun(cypher: string): boolean {
    return this.planned.has(cypher);
  }

  /** How many runs of `cypher` began since the app started, on any Neo4j it had. */
  timesRun(cypher: string): number {
    return this.runs.get(cypher) ?? 0;
  }

  /**
   * Notes a run of `cypher` that has just begun: the first one is waited for, its success remembered.
   * `run` must settle when its caller stops waiting for it (its deadline, a cancelled request), not when
   * the driver gives up retrying: that can be half a minute after a Neo4j died, and every later run of
   * the text would wait that long behind it.
   */
  began(cypher: string, run: Promise<unknown>): void {
    this.runs.set(cypher, this.timesRun(cypher) + 1);
    if (this.planned.has(cypher) || this.firsts.has(cypher)) return;
    const generation = this.generation;
    const ended = run.then(
      () => {
        if (generation === this.generation) this.planned.add(cypher);
      },
      () => {},
    );
    this.firsts.set(cypher, ended);
    void ended.finally(() => {
      if (this.firsts.get(cypher) === ended) this.firsts.delete(cypher);
    });
  }

  /**
   * Neo4j went away: the one that answers next (a new JVM, another cluster member) has no plans cached,
   * and first runs under way on the old one will never plan anything there, so nobody waits for them.
   */
  forget(): void {
    this.generation += 1;
    this.planned.clear();
    this.firsts.clear();
  }
}

/** One record per driver: every executor on the same Neo4j shares it (the app has several). */
const byDriver = new WeakMap<Driver, FirstRuns>();

export function firstRunsOf(driver: Driver): FirstRuns {
  let found = byDriver.get(driver);
  if (!found) {
    found = new FirstRuns();
    byDriver.set(driver, found);
  }
  return found;
}
