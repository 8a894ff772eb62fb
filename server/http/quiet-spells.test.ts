// The quiet spells background planning waits for: a real HTTP server, a request held open, the order of events.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { quietSpells } from './quiet-spells.ts';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('quietSpells', () => {
  it('resolves only after the request in flight has ended and the server stayed quiet after it', async () => {
    const events: string[] = [];
    let finish!: () => void;
    const server = createServer((_request, response) => {
      events.push('request began');
      finish = () => {
        events.push('request ended');
        response.end('done');
      };
    });
    servers.push(server);
    const { whenQuiet } = quietSpells(server, 200);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const answer = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`).then((response) => response.text());
    while (!events.includes('request began')) await new Promise((resolve) => setTimeout(resolve, 10));

    const quiet = whenQuiet().then(() => events.push('quiet'));
    // Held open well past the quiet time: the gate must not open while the request is in flight.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(events).toEqual(['request began']);
    finish();
    expect(await answer).toBe('done');
    await quiet;
    expect(events).toEqual(['request began', 'request ended', 'quiet']);
  });
});
