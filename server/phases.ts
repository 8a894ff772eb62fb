// Start-up in named phases (fetching Neo4j, creating the database, seeding, building the client): a
// phase still running after two seconds says what it is doing, and the summary gives each one's time.

/** Replaces what a running phase says it is doing ("Seeding: 12,000 rows, 3,400 rows/s"). */
export type Say = (status: string) => void;

/** Runs `work` as the phase `name`; code below main.ts takes this, so it never needs a Phases of its own. */
export type RunPhase = <T>(name: string, doing: string, work: (say: Say) => Promise<T>) => Promise<T>;

/** For callers that narrate nothing (tests, benchmarks): runs the work, says nothing. */
export const silentPhase: RunPhase = (_name, _doing, work) => work(() => {});

export interface PhaseTiming {
  /** Quiet phases end unseen: the first line comes after this long. */
  firstLineAfterMs: number;
  /** Then one line every this long, with the latest status. */
  everyMs: number;
}

export class Phases {
  private readonly took = new Map<string, number>();

  constructor(
    private readonly log: (line: string) => void,
    private readonly timing: PhaseTiming = { firstLineAfterMs: 2_000, everyMs: 5_000 },
  ) {}

  /** Bound, so it can be handed down as a RunPhase. Phases may overlap (the client builds while Neo4j starts). */
  readonly run: RunPhase = async (name, doing, work) => {
    const started = Date.now();
    if (!this.took.has(name)) this.took.set(name, 0);
    let status = doing;
    let nextLineAt = started + this.timing.firstLineAfterMs;
    const timer = setInterval(
      () => {
        const now = Date.now();
        if (now < nextLineAt) return;
        nextLineAt = now + this.timing.everyMs;
        this.log(`${status} (${seconds(now - started)} s)`);
      },
      Math.min(500, this.timing.firstLineAfterMs),
    );
    // A phase still running must not keep a failed start's process alive.
    timer.unref();
    try {
      return await work((update) => {
        status = update;
      });
    } finally {
      clearInterval(timer);
      this.took.set(name, this.took.get(name)! + (Date.now() - started));
    }
  };

  /** "fetch 0.1 s, database 6.2 s, …", in the order the phases began. */
  summary(): string {
    return [...this.took].map(([name, ms]) => `${name} ${seconds(ms)} s`).join(', ');
  }
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}
