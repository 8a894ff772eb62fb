// Accounts and sessions in Neo4j (`_User`, `_Session`), through the curated queries under contract/queries/auth/,
// so several API processes share them.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../contract/api/session.ts';
import { queries } from '../../contract/queries/index.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import { hashPassword } from './passwords.ts';
import { newSecret, sha256Hex } from './secrets.ts';

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

export class UserStore {
  constructor(private readonly graph: GraphExecutor) {}

  async create(username: string, password: string, role: Role): Promise<User> {
    const id = randomUUID();
    await this.graph.records(queries.createUser, { id, username, passwordHash: await hashPassword(password), role, createdAt: new Date().toISOString() });
    return { id, username, role };
  }

  async findForLogin(username: string): Promise<(User & { passwordHash: string; disabled: boolean }) | null> {
    return (await this.graph.record(queries.findUser, { username }))?.user ?? null;
  }

  async list(offset: number, limit: number): Promise<UserRecord[]> {
    return (await this.graph.records(queries.listUsers, { offset, limit })).map((row) => row.user);
  }

  async update(id: string, change: { role?: Role | undefined; disabled?: boolean | undefined }): Promise<UserRecord | null> {
    return (await this.graph.record(queries.updateUser, { id, role: change.role ?? null, disabled: change.disabled ?? null }))?.user ?? null;
  }

  async adminCount(): Promise<number> {
    return (await this.graph.record(queries.countAdmins, {}))!.counts.admins;
  }

  /** A new cookie session: the secret goes in the cookie, the CSRF token to the page; only the hash is stored. */
  async openSession(user: User, now = Date.now()): Promise<{ secret: string; session: SessionInfo }> {
    const secret = newSecret();
    const session: SessionInfo = { id: randomUUID(), kind: 'cookie', csrfToken: newSecret() };
    await this.graph.records(queries.createSession, {
      id: session.id,
      tokenHash: sha256Hex(secret),
      userId: user.id,
      kind: 'cookie',
      label: null,
      csrfToken: session.csrfToken,
      createdAt: now,
      expiresAt: now + SESSION_MAX_MS,
      idleExpiresAt: now + SESSION_IDLE_MS,
    });
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
    const found = await this.graph.record(queries.findSession, { tokenHash: sha256Hex(secret), now });
    if (!found) return null;
    const { session, user } = found;
    if (session.idleExpiresAt !== null && session.idleExpiresAt - now < SESSION_IDLE_MS - TOUCH_EVERY_MS) {
      await this.graph.records(queries.touchSession, { id: session.id, idleExpiresAt: now + SESSION_IDLE_MS });
    }
    return { user, session: { id: session.id, kind: session.kind, csrfToken: session.csrfToken } };
  }

  async endSession(id: string, userId: string, kind: 'cookie' | 'token'): Promise<boolean> {
    return (await this.graph.record(queries.deleteSession, { id, userId, kind }))!.deleted > 0;
  }
}
