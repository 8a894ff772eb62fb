// Fails fast while Neo4j is known to be unreachable. Without this, every request made while the
// database is down spends its whole budget in the driver's connection retries and answers 503 only
// at its deadline (7 s); with it, the first connection failure trips the gate, later requests get
// their 503 at once, and a probe lets them through again as soon as Neo4j's database answers.
import type { Driver } from 'neo4j-driver';
import { isConnectionFailure } from '../errors.ts';
import { databaseAnswers } from './readiness.ts';

export class GraphAvailability {
  private downNow = false;

  /** True from a lost connection until a probe reaches Neo4j again. */
  get down(): boolean {
    return this.downNow;
  }

  constructor(
    private readonly driver: Driver,
    private readonly log: (line: string) => void,
    private readonly probeEveryMs = 500,
  ) {}

  /** Called with any error a request ended with: trips the gate on a lost connection. */
  noteFailure(error: unknown): void {
    if (this.downNow || !isConnectionFailure(error)) return;
    this.downNow = true;
    this.log('Neo4j is unreachable: the API answers 503 at once until it answers again.');
    void this.probeUntilUp();
  }

  private async probeUntilUp(): Promise<void> {
    while (this.downNow) {
      // Unref'd: a pending probe never keeps a stopping process alive.
      await new Promise((resolve) => setTimeout(resolve, this.probeEveryMs).unref());
      try {
        // Bounded: a probe stuck on a half-open socket must not keep the gate shut.
        let timer: ReturnType<typeof setTimeout> | undefined;
        const giveUp = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('probe timed out')), 2_000).unref()));
        // The database itself, not Bolt: after a crash Bolt answers long before the database recovers.
        await Promise.race([databaseAnswers(this.driver), giveUp]).finally(() => clearTimeout(timer));
        this.downNow = false;
        this.log('Neo4j answers again.');
      } catch {
        // Still down (or the driver closed at shutdown): try again.
      }
    }
  }
}
