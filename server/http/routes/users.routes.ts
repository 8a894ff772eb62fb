// /api/users: accounts, for admins only. Create with a role, list, change a role or disable.
import { Router } from 'express';
import { z } from 'zod';
import { UserId, Username } from '../../../contract/queries/auth/auth-params.ts';
import { Role } from '../../../contract/api/session.ts';
import type { AuditLog } from '../../policy/audit-log.ts';
import { currentUser, requireRole } from '../auth-middleware.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from '../../policy/password-rules.ts';
import type { UserStore } from '../../queries/user-store.ts';
import { BadInput, HttpProblem, NotFound, parseInput } from '../../errors.ts';
import { numberOrRaw } from '../query-string.ts';

/** Its length here; whether it is too common or guessable, by passwordProblem() once the body is parsed. */
export const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
export const NewUser = z.object({ username: Username, password: Password, role: Role }).strict();
export const UserChange = z
  .object({ role: Role.optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((change) => change.role !== undefined || change.disabled !== undefined, 'must change role or disabled');
export const UserPage = z.object({
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export function usersRoutes(users: UserStore, audit: AuditLog): Router {
  const router = Router();
  router.use('/users', requireRole('admin'));

  router.post('/users', async (req, res) => {
    const body = parseInput(NewUser, req.body);
    const problem = await passwordProblem(body.password, [body.username]);
    if (problem) throw new BadInput([{ field: 'password', reason: problem }]);
    // Names are one account whatever their case: "Alice" exists, so "alice" does too.
    if (await users.findForLogin(body.username)) throw new HttpProblem(409, 'Conflict', `An account named "${body.username}" exists already.`);
    const user = await users.create(body.username, body.password, body.role);
    await audit.record(currentUser(res), { action: 'user-create', targetIds: [user.id], parameters: { role: user.role } });
    res.status(201).location(`/api/users/${user.id}`).json({ user });
  });

  router.get('/users', async (req, res) => {
    const page = parseInput(UserPage, { offset: numberOrRaw(req.query.offset), limit: numberOrRaw(req.query.limit) });
    res.json({ users: await users.list(page.offset, page.limit), ...page });
  });

  router.patch('/users/:id', async (req, res) => {
    const id = parseInput(UserId, req.params.id, 'id');
    const change = parseInput(UserChange, req.body);
    // The last admin cannot lock everyone out of user management.
    if (id === currentUser(res)!.id && (change.disabled || (change.role && change.role !== 'admin'))) {
      throw new HttpProblem(409, 'Conflict', 'You cannot demote or disable your own account; ask another admin.');
    }
    const user = await users.update(id, change);
    if (!user) throw new NotFound(`No user with id "${id}"`);
    await audit.record(currentUser(res), { action: 'user-update', targetIds: [id], parameters: change });
    res.json({ user });
  });

  return router;
}
