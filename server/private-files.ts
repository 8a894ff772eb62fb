// Folders and files in DATA_DIR readable by their owner only, whatever the umask: the store, its
// logs, the photos and the secrets beside them hold detainees' personal data.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';

/** The umask for processes the app starts (the JVM writes the store, transaction logs and auth.ini). */
export const PRIVATE_UMASK = 0o077;

/**
 * Creates `path` (and missing parents) owner-only, and narrows it if it was there already: a folder
 * made by an earlier version, or under umask 022, is closed too. The mode on create is not enough,
 * the umask applies to it.
 */
export async function privateFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  await chmod(path, 0o700);
}

export function privateFolderSync(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
}

/** Writes `data` to `path` readable and writable by its owner only (`wx`: only if it does not exist yet). */
export async function writePrivateFile(path: string, data: string | Uint8Array, flag: 'w' | 'wx' = 'w'): Promise<void> {
  await writeFile(path, data, { mode: 0o600, flag });
  await chmod(path, 0o600);
}

export function writePrivateFileSync(path: string, data: string): void {
  writeFileSync(path, data, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/**
 * Starts a child process under an owner-only umask: what Neo4j writes (store, transaction logs,
 * auth.ini) is then private whatever the umask of the shell that started the app. The child takes
 * the umask at fork, which happens before spawn() returns.
 */
export function privately<T>(start: () => T): T {
  const previous = process.umask(PRIVATE_UMASK);
  try {
    return start();
  } finally {
    process.umask(previous);
  }
}
