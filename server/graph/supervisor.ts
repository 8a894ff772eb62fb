// Keeps the app's embedded Neo4j running. When its JVM exits without being asked to, says so in one
// line and starts it again on the same store and port (the driver reconnects by itself), with
// bounded retries and a doubling wait; when no restart is left, it says why, so the app can stop
// with an error instead of answering 503 forever.
import type { EmbeddedNeo4j, JvmExit } from './embedded.ts';
import { StartupError } from './startup-error.ts';

export interface RestartPolicy {
  /** Restarts tried in a row before giving up; 0 never restarts. */
  attempts: number;
  /** The wait before the first restart, doubled before each next one (1, 2, 4 s…). */
  firstDelayMs: number;
  /** A JVM that ran this long was healthy: its crash starts the count of attempts afresh. */
  healthyAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { attempts: 5, firstDelayMs: 1_000, healthyAfterMs: 60_000 };

export interface SupervisorHooks {
  log(line: string): void;
  /** The new JVM's database answers (not only Bolt, server/graph/readiness.ts): time to warm it. */
  onRestarted?(neo4j: EmbeddedNeo4j): void;
  /** No restart is left; `reason` is one line. */
  onGiveUp(reason: string): void;
}

function describeExit({ code, signal }: JvmExit): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

export class Neo4jSupervisor {
  private current: EmbeddedNeo4j;
  private startedAt = Date.now();
  private failures = 0;
  private stopped = false;
  /** Wakes a restart waiting out its delay when the app stops meanwhile. */
  private readonly stopping = new AbortController();
  private restarting: Promise<void> | null = null;

  constructor(
    first: EmbeddedNeo4j,
    private readonly start: () => Promise<EmbeddedNeo4j>,
    private readonly policy: RestartPolicy,
    private readonly hooks: SupervisorHooks,
  ) {
    this.current = first;
    this.watch(first);
  }

  /** The JVM running now (another after each restart). */
  get neo4j(): EmbeddedNeo4j {
    return this.current;
  }

  private watch(neo4j: EmbeddedNeo4j): void {
    void neo4j.exit.then((exit) => {
      if (this.stopped || neo4j !== this.current) return;
      this.restarting = this.restart(`Neo4j (pid ${neo4j.pid}) ${describeExit(exit)}`);
    });
  }

  private async restart(what: string): Promise<void> {
    if (Date.now() - this.startedAt >= this.policy.healthyAfterMs) this.failures = 0;
    let cause = what;
    while (!this.stopped) {
      if (this.failures >= this.policy.attempts) {
        this.hooks.onGiveUp(
          this.policy.attempts === 0
            ? `${cause}; restarts are off (NEO4J_RESTART_ATTEMPTS=0)`
            : `${cause}; gave up after ${this.failures} restart${this.failures === 1 ? '' : 's'} in a row`,
        );
        return;
      }
      this.failures += 1;
      const delayMs = this.policy.firstDelayMs * 2 ** (this.failures - 1);
      this.hooks.log(`${cause}: restarting it in ${delayMs / 1000} s (attempt ${this.failures} of ${this.policy.attempts}).`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        this.stopping.signal.addEventListener('abort', wake, { once: true });
      });
      if (this.stopped) return;
      const started = performance.now();
      try {
        const next = await this.start();
        if (this.stopped) {
          await next.stop();
          return;
        }
        this.current = next;
        this.startedAt = Date.now();
        this.hooks.log(`Neo4j restarted (pid ${next.pid}) and its database answers after ${((performance.now() - started) / 1000).toFixed(1)} s.`);
        this.watch(next);
        this.hooks.onRestarted?.(next);
        return;
      } catch (error) {
        // A start-up failure is already one line (port taken, store locked, Java gone); a bug keeps its text.
        cause = `Neo4j could not be restarted: ${(error instanceof StartupError ? error.message : String(error)).replace(/\.$/, '')}`;
      }
    }
  }

  /** Stops the JVM for good: no restart after this, even one under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    await this.restarting;
    await this.current.stop();
  }
}
