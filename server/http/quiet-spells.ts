// When the server has nothing to answer: work that may wait (planning the queries only the seed and
// import jobs run) waits for a quiet spell, so it does not share the two cores with the first requests
// after "Ready" and slow them down.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface QuietSpells {
  /** Resolves once no request is in flight and none has begun or ended for the quiet time. */
  whenQuiet(): Promise<void>;
  /** Stops counting: every request after this pays nothing for it. */
  stop(): void;
}

/** Counts the requests the server receives from now until `stop()`. */
export function quietSpells(server: Server, quietMs = 1_000): QuietSpells {
  let inFlight = 0;
  let lastSeen = performance.now();
  const ended = () => {
    inFlight -= 1;
    lastSeen = performance.now();
  };
  const began = (_request: IncomingMessage, response: ServerResponse) => {
    inFlight += 1;
    lastSeen = performance.now();
    response.once('close', ended);
  };
  server.on('request', began);
  return {
    async whenQuiet() {
      for (;;) {
        const waitMs = inFlight > 0 ? quietMs : quietMs - (performance.now() - lastSeen);
        if (waitMs <= 0) return;
        await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, quietMs)));
      }
    },
    stop() {
      server.off('request', began);
    },
  };
}
