// /api/auth: log in and out, who am I (with the CSRF token), and a password change. API tokens: tokens.routes.ts.
import { Router, type Response } from 'express';
import { jsonBody } from '../json-body.ts';
import { z } from 'zod';
import type { Session } from '../../../contract/api/session.ts';
import type { AuditLog } from '../../policy/audit-log.ts';
import { usernameTag } from '../../policy/audit-log.ts';
import { currentSession, currentUser, requireSession, SESSION_COOKIE } from '../auth-middleware.ts';
import { checkPassword } from '../../queries/passwords.ts';
import { SESSION_MAX_MS, type UserStore } from '../../queries/user-store.ts';
import { BadInput, Forbidden, HttpProblem } from '../../errors.ts';
import { passwordProblem } from '../../policy/password-rules.ts';

export const LoginBody = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) }).strict();
export const PasswordChange = z.object({ currentPassword: z.string().min(1).max(1000), newPassword: z.string().max(1000) }).strict();

class WrongCredentials extends HttpProblem {
  constructor() {
    // One answer for an unknown user, a wrong password and a disabled account: no probing for names.
    super(401, 'Sign-in failed', 'Wrong username or password.');
  }
}

function cookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'strict' as const, secure, path: '/' };
}

function whoAmI(res: Response): Session {
  const user = currentUser(res)!;
  return { user: { id: user.id, username: user.username, role: user.role }, csrfToken: currentSession(res)?.csrfToken ?? null };
}

/** POST /api/auth/login: needs no session, so it is mounted before the session gate. */
export function loginRoutes(users: UserStore, audit: AuditLog): Router {
  const router = Router();
  router.post('/auth/login', jsonBody('10kb'), async (req, res) => {
    const body = LoginBody.safeParse(req.body);
    if (!body.success) throw BadInput.fromZod(body.error);
    const { username, password } = body.data;
    const found = await users.findForLogin(username);
    // Verified even when there is no such user, so both failures take an argon2 verification's time.
    const matches = await checkPassword(found?.passwordHash ?? null, password);
    if (!found || !matches || found.disabled) {
      await audit.record(null, { action: 'login-failed', username: usernameTag(username) });
      throw new WrongCredentials();
    }
    const user = { id: found.id, username: found.username, role: found.role };
    const { secret, session } = await users.openSession(user);
    await audit.record(user, { action: 'login' });
    res.cookie(SESSION_COOKIE, secret, { ...cookieOptions(req.secure), maxAge: SESSION_MAX_MS });
    res.locals.user = user;
    res.locals.session = session;
    res.json(whoAmI(res));
  });
  return router;
}

/** The rest of /api/auth, behind the session gate. */
export function authRoutes(users: UserStore, audit: AuditLog): Router {
  const router = Router();
  router.use('/auth', requireSession);

  router.get('/auth/session', (_req, res) => {
    res.json(whoAmI(res));
  });

  router.post('/auth/logout', async (req, res) => {
    const user = currentUser(res)!;
    const session = currentSession(res)!;
    // A token is revoked by DELETE /api/auth/tokens/:id; logout ends the cookie session it came with.
    if (session.kind !== 'cookie') throw new BadInput([{ field: '(session)', reason: 'an API token is revoked with DELETE /api/auth/tokens/:id' }]);
    await users.endSession(session.id, user.id, 'cookie');
    await audit.record(user, { action: 'logout' });
    res.clearCookie(SESSION_COOKIE, cookieOptions(req.secure));
    res.status(204).end();
  });

  // Current password required; every other session and API token of the account ends with the old
  // password. From a signed-in browser only: a token is no way to take over its account.
  router.post('/auth/password', async (req, res) => {
    const body = PasswordChange.safeParse(req.body ?? {});
    if (!body.success) throw BadInput.fromZod(body.error);
    const user = currentUser(res)!;
    const session = currentSession(res)!;
    if (session.kind !== 'cookie') throw new Forbidden('A password is changed from a signed-in browser session, not with an API token.');
    const found = await users.findForLogin(user.username);
    if (!found || found.id !== user.id || !(await checkPassword(found.passwordHash, body.data.currentPassword))) {
      throw new BadInput([{ field: 'currentPassword', reason: 'is not this account’s password' }]);
    }
    const problem = await passwordProblem(body.data.newPassword, [user.username]);
    if (problem) throw new BadInput([{ field: 'newPassword', reason: problem }]);
    const ended = await users.changePassword(user.id, body.data.newPassword, session.id);
    await audit.record(user, { action: 'password-change', parameters: { ended } });
    res.json({ endedSessions: ended ?? 0 });
  });

  return router;
}
