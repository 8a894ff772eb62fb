// Secrets a client holds (session cookies, API tokens, CSRF tokens) and the hashes the server keeps.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: the whole secret a cookie or an API token carries. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions and tokens are stored by this hash only: a copy of the database opens no session. */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Equal strings, compared in time that does not depend on where they first differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}
