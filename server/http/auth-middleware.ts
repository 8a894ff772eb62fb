// Who is asking: the session cookie or a Bearer token resolved to `res.locals.user`, then the gates
// every other route sits behind (a session, CSRF on state-changing cookie requests, a role).
import type { Request, RequestHandler, Response } from 'express';
import type { Role } from '../../contract/api/session.ts';
import { SAFE_METHODS } from './host-check.ts';
import { Forbidden, Unauthenticated } from '../errors.ts';
import { constantTimeEqual } from '../queries/secrets.ts';
import type { SessionInfo, User, UserStore } from '../queries/user-store.ts';

export const SESSION_COOKIE = 'xpf_session';
const CSRF_HEADER = 'x-csrf-token';

function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

function bearerToken(req: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match ? match[1]! : null;
}

export function currentUser(res: Response): User | null {
  return (res.locals.user as User | undefined) ?? null;
}

export function currentSession(res: Response): SessionInfo | null {
  return (res.locals.session as SessionInfo | undefined) ?? null;
}

/** Resolves the credential, if any; never refuses (login and health need no session). */
export function authenticate(users: UserStore): RequestHandler {
  return async (req, res, next) => {
    // A Bearer token is an explicit credential: it wins over an ambient cookie.
    const token = bearerToken(req);
    const secret = token ?? readCookie(req, SESSION_COOKIE);
    if (secret && secret.length <= 200) {
      let found: Awaited<ReturnType<UserStore['resolve']>>;
      try {
        found = await users.resolve(secret);
      } catch (error) {
        // Health and login must still answer with the graph down: the gate below throws this.
        res.locals.authError = error;
        return next();
      }
      // A token must be a token: a stolen cookie value sent as Bearer would skip the CSRF check.
      if (found && (token === null) === (found.session.kind === 'cookie')) {
        res.locals.user = found.user;
        res.locals.session = found.session;
      }
    }
    next();
  };
}

export const requireSession: RequestHandler = (_req, res, next) => {
  if (res.locals.authError) throw res.locals.authError;
  if (!currentUser(res)) throw new Unauthenticated();
  next();
};

/**
 * Double submit against the stored session: a cookie-authenticated POST, PUT, PATCH or DELETE must
 * carry the session's CSRF token in X-CSRF-Token. A Bearer token is no ambient credential: exempt.
 */
export const requireCsrf: RequestHandler = (req, res, next) => {
  const session = currentSession(res);
  if (SAFE_METHODS.has(req.method) || !session || session.kind === 'token') return next();
  const sent = req.get(CSRF_HEADER);
  if (!sent || !session.csrfToken || !constantTimeEqual(sent, session.csrfToken)) {
    throw new Forbidden('Missing or wrong X-CSRF-Token header: send the token from GET /api/auth/session.');
  }
  next();
};

export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const user = currentUser(res);
    if (!user) throw new Unauthenticated();
    if (!roles.includes(user.role)) throw new Forbidden(`This needs the ${roles.join(' or ')} role.`);
    next();
  };
}
