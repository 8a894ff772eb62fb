// Server faults go to the log once per incident, not once per request: while Neo4j is down a hundred
// requests fail the same way, and a hundred stack traces would bury the one line that says why.
// The first occurrence is logged whole; repeats within the quiet period are counted and summed up
// in one line when it ends.

interface Incident {
  repeats: number;
  firstPath: string;
}

export class IncidentLog {
  private readonly open = new Map<string, Incident>();

  constructor(
    private readonly log: (line: string) => void,
    private readonly quietMs = 60_000,
  ) {}

  /** Logs `describe()` unless an incident of the same `key` is open; then only counts it. */
  report(key: string, where: string, describe: () => string): void {
    const incident = this.open.get(key);
    if (incident) {
      incident.repeats += 1;
      return;
    }
    this.log(describe());
    this.open.set(key, { repeats: 0, firstPath: where });
    // Unref'd: an open incident never keeps a stopping process alive.
    setTimeout(() => this.close(key), this.quietMs).unref();
  }

  private close(key: string): void {
    const incident = this.open.get(key);
    this.open.delete(key);
    if (incident && incident.repeats > 0) {
      this.log(`The same failure as "${key}" (first at ${incident.firstPath}) happened ${incident.repeats} more time(s) within ${this.quietMs / 1000} s.`);
    }
  }
}
