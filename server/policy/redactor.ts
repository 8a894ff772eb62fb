// withhold() bound to the server's settings and to the user of each response.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Response } from 'express';
import type { Result } from '../../contract/result.ts';
import { currentUser } from '../http/auth-middleware.ts';
import { redacts, withhold, withholdSearch, type WithholdOptions } from './withhold.ts';

export interface Redactor {
  /** Whether this response's user gets redacted results. */
  redacts(res: Response): boolean;
  result(res: Response, result: Result): Result;
  search(res: Response, result: Result): Result;
}

export function createRedactor(settings: { redactAll: boolean; secret: string }): Redactor {
  const options = (res: Response): WithholdOptions => ({
    // No user should never reach here (routes sit behind the session gate); if one does, redact.
    role: currentUser(res)?.role ?? 'viewer',
    redactAll: settings.redactAll,
    secret: settings.secret,
  });
  return {
    redacts: (res) => redacts(options(res)),
    result: (res, result) => withhold(result, options(res)),
    search: (res, result) => withholdSearch(result, options(res)),
  };
}

/**
 * The pseudonym key: REDACTION_SECRET, or a random one kept in the data folder (mode 600) so
 * pseudonyms stay the same across restarts.
 */
export function redactionSecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'redaction-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
