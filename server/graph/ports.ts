// Checks a TCP port before a long start-up, so a clash is reported in one line at once.
import { createServer } from 'node:net';
import { StartupError } from './startup-error.ts';

/** `variable` names the setting that moves the port, for the error's hint. */
export async function assertPortFree(port: number, host: string, what: string, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(`${what} port ${port} on ${host} is already in use: stop what holds it or set ${variable}.`)
          : new StartupError(`Cannot use ${what} port ${port} on ${host}: ${error.code ?? error.message}`),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** A free TCP port on loopback, so parallel runs and side-by-side instances never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
