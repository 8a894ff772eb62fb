// Sessions and API tokens resolved recently, kept in this process for a few seconds so that a request
// does not always read Neo4j to learn who sent it. Bounded in size and in lifetime: a change made in
// this process (sign-out, revocation, a disabled account, a new role, a new password) forgets the
// entries it touches at once; a change made by another process takes effect here when they expire.
import type { Role } from '../../contract/api/session.ts';

export interface ResolvedSession {
  user: { id: string; username: string; role: Role };
  session: { id: string; kind: 'cookie' | 'token'; csrfToken: string | null };
  /** Epoch ms after which the session is refused whatever happens. */
  expiresAt: number;
  /** Epoch ms after which an unused cookie session is refused; null for a token. */
  idleExpiresAt: number | null;
}

export interface SessionCacheOptions {
  /** How long an entry is trusted; 0 turns the cache off. What another process's sign-out may lag by. */
  lifetimeMs: number;
  /** Most entries kept; past it the least recently used goes. */
  maxEntries: number;
}

export const DEFAULT_SESSION_CACHE: SessionCacheOptions = { lifetimeMs: 5_000, maxEntries: 10_000 };

export class SessionCache {
  /** By the SHA-256 of the secret, in least-recently-used order (a Map keeps insertion order). */
  private readonly entries = new Map<string, { resolved: ResolvedSession; storedAt: number }>();
  /** Moves on every forget: a look-up that began before one must not store what it read. */
  private generation = 0;

  constructor(private readonly options: SessionCacheOptions = DEFAULT_SESSION_CACHE) {}

  get(key: string, now: number): ResolvedSession | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    const { resolved } = entry;
    const stale = now - entry.storedAt >= this.options.lifetimeMs;
    const expired = resolved.expiresAt <= now || (resolved.idleExpiresAt !== null && resolved.idleExpiresAt <= now);
    this.entries.delete(key);
    if (stale || expired) return null;
    this.entries.set(key, entry);
    return resolved;
  }

  /** Call before reading the graph; hand the answer to put() with it. */
  begin(): number {
    return this.generation;
  }

  put(key: string, resolved: ResolvedSession, begun: number, now: number): void {
    if (this.options.lifetimeMs <= 0 || begun !== this.generation) return;
    this.entries.delete(key);
    while (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { resolved, storedAt: now });
  }

  forgetSession(sessionId: string): void {
    this.forget((resolved) => resolved.session.id === sessionId);
  }

  forgetUser(userId: string): void {
    this.forget((resolved) => resolved.user.id === userId);
  }

  get size(): number {
    return this.entries.size;
  }

  private forget(matches: (resolved: ResolvedSession) => boolean): void {
    this.generation += 1;
    for (const [key, entry] of this.entries) if (matches(entry.resolved)) this.entries.delete(key);
  }
}
