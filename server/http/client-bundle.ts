// Builds the client with Vite when client/dist is missing or older than its sources, so `npm start`
// always serves what the sources say without a separate build step.
import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const clientDir = join(repoRoot, 'client');
export const clientDistDir = join(clientDir, 'dist');

async function newestSourceTime(): Promise<number> {
  // The client imports the shared contract, so its changes count too.
  const roots = [clientDir, join(repoRoot, 'contract')];
  let newest = 0;
  for (const root of roots) {
    if (!statSync(root).isDirectory()) {
      newest = Math.max(newest, statSync(root).mtimeMs);
      continue;
    }
    for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
      const path = join(entry.parentPath, entry.name);
      if (!entry.isFile() || path.startsWith(clientDistDir) || path.includes('node_modules')) continue;
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

async function isClientStale(): Promise<boolean> {
  const index = join(clientDistDir, 'index.html');
  if (!existsSync(index)) return true;
  return statSync(index).mtimeMs < (await newestSourceTime());
}

export async function ensureClientBuilt(log: (line: string) => void): Promise<void> {
  if (!(await isClientStale())) return;
  log('Building the client (client/dist is missing or older than its sources)…');
  const { build } = await import('vite');
  await build({ configFile: join(clientDir, 'vite.config.ts'), logLevel: 'warn' });
}
