// The embedded database's password: NEO4J_PASSWORD when given, else one generated on first start and
// kept in the data folder, readable by its owner only.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { privateFolder, writePrivateFile } from '../private-files.ts';

export function passwordFile(dataDir: string): string {
  return join(dataDir, 'neo4j-password');
}

export async function embeddedPassword(dataDir: string, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  const file = passwordFile(dataDir);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const generated = randomBytes(24).toString('base64url');
  await privateFolder(dirname(file));
  await writePrivateFile(file, `${generated}\n`, 'wx');
  return generated;
}
