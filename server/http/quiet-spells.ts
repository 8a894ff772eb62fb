// When the server has nothing to answer: work that may wait (planning the queries only the seed and
// import jobs run) waits for a quiet spell, so it does not share the two cores with the first requests
// after "Ready" and slow them down.
import type { Server } from 'node:http';

/**
 * Resolves, each time it is called, once no request is in flight and none has begun or ended for
 * `quietMs`. Counts every request the server receives from the moment this is made.
 */
export function quietSpells(server: Server, quietMs = 1_000): () => Promise<void> {
  let inFlight = 0;
  let lastSeen = performance.now();
  server.on('request', (_request, response) => {
    inFlight += 1;
    lastSeen = performance.now();
    response.once('close', () => {
      inFlight -= 1;
      lastSeen = performance.now();
    });
  });
  return async () => {
    for (;;) {
      const waitMs = inFlight > 0 ? quietMs : quietMs - (performance.now() - lastSeen);
      if (waitMs <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, quietMs)));
    }
  };
}
