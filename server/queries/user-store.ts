// Accounts and sessions in Neo4j (`_User`, `_Session`), through the curated queries under contract/queries/auth/,
// so several API processes share them.
import { randomUUID } from 'node:crypto';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { CatalogueEntry } from '../graph/catalogue.ts';
import type { Role } from '../../contract/queries/auth/auth-params.ts';
import { runEntry, type QueryContext } from '../graph/run-catalogue-query.ts';
import { hashPassword } from '../policy/passwords.ts';
import { newSecret, sha256Hex } from '../policy/secrets.ts';

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
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
export const TOKEN_MAX_MS = 90 * 24 * 60 * 60 * 1000;
/** The idle expiry moves at most once a minute: not a write on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

/** Driver Integers, temporals and maps as plain JSON values. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && 'toNumber' in value && typeof (value as { toNumber: unknown }).toNumber === 'function') {
    return (value as { toNumber(): number }).toNumber();
  }
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  }
  return typeof value === 'object' ? String(value) : value;
}

export function column<T>(record: Neo4jRecord, key: string): T {
  return plain(record.get(key)) as T;
}

export class UserStore {
  constructor(
    private readonly context: QueryContext,
    private readonly catalogue: Map<string, CatalogueEntry>,
  ) {}

  private async run(name: string, params: Record<string, unknown>): Promise<Neo4jRecord[]> {
    const entry = this.catalogue.get(name);
    if (!entry) throw new Error(`The catalogue has no "${name}" query`);
    return runEntry(this.context, entry, params);
  }

  async create(username: string, password: string, role: Role): Promise<User> {
    const id = randomUUID();
    await this.run('create-user', { id, username, passwordHash: await hashPassword(password), role, createdAt: new Date().toISOString() });
    return { id, username, role };
  }

  async findForLogin(username: string): Promise<(User & { passwordHash: string; disabled: boolean }) | null> {
    const [record] = await this.run('find-user', { username });
    return record ? column(record, 'user') : null;
  }

  async list(offset: number, limit: number): Promise<UserRecord[]> {
    return (await this.run('list-users', { offset, limit })).map((record) => column<UserRecord>(record, 'user'));
  }

  async update(id: string, change: { role?: Role | undefined; disabled?: boolean | undefined }): Promise<UserRecord | null> {
    const [record] = await this.run('update-user', { id, role: change.role ?? null, disabled: change.disabled ?? null });
    return record ? column(record, 'user') : null;
  }

  async adminCount(): Promise<number> {
    const [record] = await this.run('count-admins', {});
    return column<{ admins: number }>(record!, 'counts').admins;
  }

  /** A new cookie session: the secret goes in the cookie, the CSRF token to the page; only the hash is stored. */
  async openSession(user: User, now = Date.now()): Promise<{ secret: string; session: SessionInfo }> {
    const secret = newSecret();
    const session: SessionInfo = { id: randomUUID(), kind: 'cookie', csrfToken: newSecret() };
    await this.run('create-session', {
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
    await this.run('create-session', {
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
    const [record] = await this.run('find-session', { tokenHash: sha256Hex(secret), now });
    if (!record) return null;
    const session = column<SessionInfo & { idleExpiresAt: number | null }>(record, 'session');
    if (session.idleExpiresAt !== null && session.idleExpiresAt - now < SESSION_IDLE_MS - TOUCH_EVERY_MS) {
      await this.run('touch-session', { id: session.id, idleExpiresAt: now + SESSION_IDLE_MS });
    }
    return { user: column<User>(record, 'user'), session: { id: session.id, kind: session.kind, csrfToken: session.csrfToken } };
  }

  async endSession(id: string, userId: string, kind: 'cookie' | 'token'): Promise<boolean> {
    const [record] = await this.run('delete-session', { id, userId, kind });
    return column<number>(record!, 'deleted') > 0;
  }
}
