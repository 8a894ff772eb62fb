// Serves the production app from a process of its own for a benchmark (serve-app.ts says why).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchNeo4j } from './fresh-neo4j.ts';

/**
 * serve-app.ts in a child process: its port, and how to stop it (its failures pass through to our
 * stderr). `env` adds to ours what the app reads as `npm start` would (REQUEST_BUDGET_S).
 */
export async function serveApp(connection: BenchNeo4j['connection'], env: Record<string, string> = {}): Promise<{ port: number; close: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./serve-app.ts', import.meta.url))], {
    env: { ...process.env, ...env, NEO4J_URI: connection.uri, NEO4J_USER: connection.user, NEO4J_PASSWORD: connection.password },
    // Its stdin stays open while this process lives: the app ends with it, however it ends.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /^listening (\d+)$/m.exec(output);
      if (listening) resolve(Number(listening[1]));
    });
    void exited.then((code) => reject(new Error(`the app exited (${code}) before it served:\n${output}`)));
  });
  return {
    port,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
