// Accounts and sessions in Neo4j (`_User`, `_Session`), through the curated queries under contract/queries/auth/,
// so several API processes share them.
import { randomUUID } from 'node:crypto';
import type { TokenInfo } from '../../contract/api/account.ts';
import type { Role } from '../../contract/api/session.ts';
import { queries } from '../../contract/queries/index.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import { hashPassword } from './passwords.ts';
import { newSecret, sha256Hex } from './secrets.ts';
import { DEFAULT_SESSION_CACHE, SessionCache, type SessionCacheOptions } from './session-cache.ts';

export interface User {
  id: string;
  username: string;
  role: Role;
}

export interface UserRecord extends User {
  disabled: boolean;
  createdAt: string;
}

export interface SessionInfo {
  id: string;
  kind: 'cookie' | 'token';
  csrfToken: string | null;
}

/** A cookie session lives 2 hours unused and 12 hours at most; an API token 90 days. */
const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
const TOKEN_MAX_MS = 90 * 24 * 60 * 60 * 1000;
/** The idle expiry moves at most once a minute: not a write on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

/** Sign-in and uniqueness ignore case (user names are ASCII: contract/queries/auth/auth-params.ts). */
export function usernameKey(username: string): string {
  return username.toLowerCase();
}

export class UserStore {
  private readonly cache: SessionCache;
  /** How many credentials were resolved, and how many of those had to read Neo4j (the rest came from the cache). */
  readonly stats = { resolved: 0, readFromGraph: 0 };

  constructor(
    private readonly graph: GraphExecutor,
    cache: SessionCacheOptions = DEFAULT_SESSION_CACHE,
  ) {
    this.cache = new SessionCache(cache);
  }

  async create(username: string, password: string, role: Role): Promise<User> {
    const id = randomUUID();
    await this.graph.records(queries.createUser, {
      id,
      username,
      usernameKey: usernameKey(username),
      passwordHash: await hashPassword(password),
      role,
      createdAt: new Date().toISOString(),
    });
    return { id, username, role };
  }

  /** The account a login names, whatever the case it is typed in. */
  async findForLogin(username: string): Promise<(User & { passwordHash: string; disabled: boolean }) | null> {
    return (await this.graph.record(queries.findUser, { username, usernameKey: usernameKey(username) }))?.user ?? null;
  }

  /** At start: older accounts get their lower-cased key; says how many, and how many names collide. */
  async keyUsernames(): Promise<{ keyed: number; collisions: number }> {
    return (await this.graph.record(queries.keyUsernames, {}))!.counts;
  }

  async list(offset: number, limit: number): Promise<UserRecord[]> {
    return (await this.graph.records(queries.listUsers, { offset, limit })).map((row) => row.user);
  }

  async update(id: string, change: { role?: Role | undefined; disabled?: boolean | undefined }): Promise<UserRecord | null> {
    const updated = (await this.graph.record(queries.updateUser, { id, role: change.role ?? null, disabled: change.disabled ?? null }))?.user ?? null;
    // A new role or a disabled account counts from this request on, here; elsewhere once the cache lets go.
    this.cache.forgetUser(id);
    return updated;
  }

  async adminCount(): Promise<number> {
    return (await this.graph.record(queries.countAdmins, {}))!.counts.admins;
  }

  /** A new cookie session: the secret goes in the cookie, the CSRF token to the page; only the hash is stored. */
  async openSession(user: User, now = Date.now()): Promise<{ secret: string; session: SessionInfo }> {
    const secret = newSecret();
    const tokenHash = sha256Hex(secret);
    const session: SessionInfo = { id: randomUUID(), kind: 'cookie', csrfToken: newSecret() };
    const expiresAt = now + SESSION_MAX_MS;
    const idleExpiresAt = now + SESSION_IDLE_MS;
    // Begun before the write: a forget meanwhile (the account disabled, its role changed) voids the entry.
    const begun = this.cache.begin();
    await this.graph.records(queries.createSession, {
      id: session.id,
      tokenHash,
      userId: user.id,
      kind: 'cookie',
      label: null,
      csrfToken: session.csrfToken,
      createdAt: now,
      expiresAt,
      idleExpiresAt,
    });
    // This process has just written the session: the first request that shows it need not read it back.
    const { id, username, role } = user;
    this.cache.put(tokenHash, { user: { id, username, role }, session, expiresAt, idleExpiresAt }, begun, now);
    return { secret, session };
  }

  /** A new API token for scripts: shown once, stored as its hash. */
  async issueToken(user: User, label: string, now = Date.now()): Promise<{ id: string; token: string; expiresAt: string }> {
    const token = `xpf_${newSecret()}`;
    const id = randomUUID();
    const expiresAt = now + TOKEN_MAX_MS;
    await this.graph.records(queries.createSession, {
      id,
      tokenHash: sha256Hex(token),
      userId: user.id,
      kind: 'token',
      label,
      csrfToken: null,
      createdAt: now,
      expiresAt,
      idleExpiresAt: null,
    });
    return { id, token, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The session and user a secret opens, or null (unknown, expired, or the user is disabled). */
  async resolve(secret: string, now = Date.now()): Promise<{ user: User; session: SessionInfo } | null> {
    this.stats.resolved += 1;
    const key = sha256Hex(secret);
    let resolved = this.cache.get(key, now);
    if (!resolved) {
      const begun = this.cache.begin();
      this.stats.readFromGraph += 1;
      const found = await this.graph.record(queries.findSession, { tokenHash: key, now });
      if (!found) return null;
      const { session, user } = found;
      resolved = {
        user,
        session: { id: session.id, kind: session.kind, csrfToken: session.csrfToken },
        expiresAt: session.expiresAt,
        idleExpiresAt: session.idleExpiresAt,
      };
      this.cache.put(key, resolved, begun, now);
    }
    if (resolved.idleExpiresAt !== null && resolved.idleExpiresAt - now < SESSION_IDLE_MS - TOUCH_EVERY_MS) {
      resolved.idleExpiresAt = now + SESSION_IDLE_MS;
      await this.graph.records(queries.touchSession, { id: resolved.session.id, idleExpiresAt: resolved.idleExpiresAt });
    }
    return { user: resolved.user, session: resolved.session };
  }

  /** Ends one session or token of `userId` (null: of anyone, for an admin); false when there was none. */
  async endSession(id: string, userId: string | null, kind: 'cookie' | 'token'): Promise<boolean> {
    const ended = (await this.graph.record(queries.deleteSession, { id, userId, kind }))!.deleted > 0;
    this.cache.forgetSession(id);
    return ended;
  }

  async listTokens(userId: string, now = Date.now()): Promise<TokenInfo[]> {
    return (await this.graph.records(queries.listTokens, { userId, now })).map(({ token }) => ({
      id: token.id,
      label: token.label,
      createdAt: new Date(token.createdAt).toISOString(),
      expiresAt: new Date(token.expiresAt).toISOString(),
    }));
  }

  /** Revokes every API token of a user (a leaked one and whatever was made with it); how many there were. */
  async revokeTokens(userId: string): Promise<number> {
    const ended = (await this.graph.record(queries.endSessions, { userId, kinds: ['token'], keep: null, passwordHash: null }))?.ended ?? 0;
    this.cache.forgetUser(userId);
    return ended;
  }

  /**
   * A new password, and every other session and API token of the user ended in the same transaction:
   * whoever knew the old password is out. `keep` is the session that asked. Null for an unknown user.
   */
  async changePassword(userId: string, password: string, keep: string | null): Promise<number | null> {
    const passwordHash = await hashPassword(password);
    const row = await this.graph.record(queries.endSessions, { userId, kinds: ['cookie', 'token'], keep, passwordHash });
    this.cache.forgetUser(userId);
    return row?.ended ?? null;
  }
}
