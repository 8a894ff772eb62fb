// POST /api/setup/admin: creates the first admin from the one-time setup address the server printed
// (policy/admin-setup.ts), and signs the new admin in. Only while no admin exists, only with the token.
import { Router } from 'express';
import { z } from 'zod';
import { Username } from '../../../contract/queries/auth/auth-params.ts';
import type { AdminSetup } from '../../policy/admin-setup.ts';
import type { AuditLog } from '../../policy/audit-log.ts';
import type { UserStore } from '../../queries/user-store.ts';
import { BadInput, HttpProblem } from '../../errors.ts';
import { SESSION_COOKIE } from '../auth-middleware.ts';
import { SESSION_MAX_MS } from '../../queries/user-store.ts';
import { passwordProblem } from '../../policy/password-rules.ts';
import { Password } from './users.routes.ts';

export const SetupBody = z.object({ token: z.string().min(1).max(200), username: Username, password: Password }).strict();

class SetupClosed extends HttpProblem {
  constructor() {
    // One answer for a wrong, used or expired token and for a server that has an admin: nothing to probe.
    super(
      403,
      'Setup address not valid',
      'This setup address is not valid: it was used, it expired, or an admin exists already. Ask the server for a new one by restarting it while no admin exists.',
    );
  }
}

export function setupRoutes(users: UserStore, audit: AuditLog, setup: AdminSetup): Router {
  const router = Router();
  router.post('/setup/admin', async (req, res) => {
    const body = SetupBody.safeParse(req.body);
    if (!body.success) throw BadInput.fromZod(body.error);
    if (!setup.pending()) throw new SetupClosed();
    if ((await users.adminCount()) > 0) {
      setup.close();
      throw new SetupClosed();
    }
    const { username, password } = body.data;
    // The same rules as any account's (too common, too guessable, its own name): the first admin's most of all.
    const problem = await passwordProblem(password, [username]);
    if (problem) throw new BadInput([{ field: 'password', reason: problem }]);
    if (await users.findForLogin(username)) throw new HttpProblem(409, 'Conflict', `An account named "${username}" exists already; pick another name.`);
    // Used up here, after the last await and before the account is written: of two requests racing with
    // the token only one gets past, and a failure below still leaves it used.
    if (!setup.redeem(body.data.token)) throw new SetupClosed();
    const user = await users.create(username, password, 'admin');
    await audit.record(user, { action: 'user-create', targetIds: [user.id], parameters: { role: 'admin', via: 'setup address' } });
    const { secret, session } = await users.openSession(user);
    await audit.record(user, { action: 'login' });
    res.cookie(SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: SESSION_MAX_MS });
    res.status(201).json({ user: { id: user.id, username: user.username, role: user.role }, csrfToken: session.csrfToken });
  });
  return router;
}
