// The key the pseudonyms are made with: REDACTION_SECRET, or a random one kept in the data folder.
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { privateFolderSync, writePrivateFileSync } from '../private-files.ts';

/**
 * The pseudonym key: REDACTION_SECRET, or a random one kept in the data folder (mode 600) so
 * pseudonyms stay the same across restarts.
 */
export function redactionSecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'redaction-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  privateFolderSync(dataDir);
  writePrivateFileSync(file, `${secret}\n`);
  return secret;
}
