// Fails fast while Neo4j is known to be unreachable. Without this, every request made while the
// database is down spends its whole budget in the driver's connection retries and answers 503 only
// at its deadline (7 s); with it, the first connection failure trips the gate, later requests get
// their 503 at once, and a probe lets them through again as soon as Neo4j answers.
import type { RequestHandler } from 'express';
import type { Driver } from 'neo4j-driver';
import { GraphUnavailable, isConnectionFailure } from '../errors.ts';

export class GraphAvailability {
  private down = false;

  constructor(
    private readonly driver: Driver,
    private readonly log: (line: string) => void,
    private readonly probeEveryMs = 500,
  ) {}

  /** Called with any error a request ended with: trips the gate on a lost connection. */
  noteFailure(error: unknown): void {
    if (this.down || !isConnectionFailure(error)) return;
    this.down = true;
    this.log('Neo4j is unreachable: the API answers 503 at once until it answers again.');
    void this.probeUntilUp();
  }

  /** 503 at once while down. Health is let through: it makes its own check and says what it found. */
  gate(): RequestHandler {
    return (req, _res, next) => next(this.down && req.path !== '/health' ? new GraphUnavailable() : undefined);
  }

  private async probeUntilUp(): Promise<void> {
    while (this.down) {
      // Unref'd: a pending probe never keeps a stopping process alive.
      await new Promise((resolve) => setTimeout(resolve, this.probeEveryMs).unref());
      try {
        // Bounded: a probe stuck on a half-open socket must not keep the gate shut.
        let timer: ReturnType<typeof setTimeout> | undefined;
        const giveUp = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('probe timed out')), 2_000).unref()));
        await Promise.race([this.driver.getServerInfo(), giveUp]).finally(() => clearTimeout(timer));
        this.down = false;
        this.log('Neo4j answers again.');
      } catch {
        // Still down (or the driver closed at shutdown): try again.
      }
    }
  }
}
