// The first admin from the browser: while no admin exists, start-up prints a one-time setup address
// holding a secret token. The token is kept only as its hash, compared in constant time, works once,
// and expires after `SETUP_VALID_MS`; the setup route (http/routes/setup.routes.ts) also refuses once
// any admin exists, so `npm install && npm start` is all a newcomer needs and nothing stays open.
import { constantTimeEqual, newSecret, sha256Hex } from '../queries/secrets.ts';

/** How long a printed setup address works: long enough to open a browser, short enough not to linger in a scrollback. */
export const SETUP_VALID_MS = 30 * 60 * 1000;

export class AdminSetup {
  private tokenHash: string | null = null;
  private expiresAt = 0;

  /** A fresh token (any earlier one stops working); the caller prints it once and forgets it. */
  issue(now = Date.now()): string {
    const token = newSecret();
    this.tokenHash = sha256Hex(token);
    this.expiresAt = now + SETUP_VALID_MS;
    return token;
  }

  /** Whether a setup address is open now. */
  pending(now = Date.now()): boolean {
    return this.tokenHash !== null && now < this.expiresAt;
  }

  /**
   * True once, for the issued token while unexpired; the token is used up by the call that returns
   * true, so two requests racing with it cannot both pass (one event loop, no await in between).
   */
  redeem(token: string, now = Date.now()): boolean {
    if (!this.tokenHash || now >= this.expiresAt) return false;
    if (!constantTimeEqual(sha256Hex(token), this.tokenHash)) return false;
    this.close();
    return true;
  }

  /** No setup address works any more (an admin exists, by this route or another). */
  close(): void {
    this.tokenHash = null;
    this.expiresAt = 0;
  }
}
