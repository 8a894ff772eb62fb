// API tokens for scripts: minted from a signed-in browser session only (with its CSRF token, never by
// another token, so a leaked token cannot breed), listed and revoked by their owner, and by admins.
import { Router, type Response } from 'express';
import { z } from 'zod';
import { UserId } from '../../../contract/queries/auth/auth-params.ts';
import type { AuditLog } from '../../policy/audit-log.ts';
import { currentSession, currentUser, requireRole, requireSession } from '../auth-middleware.ts';
import type { UserStore } from '../../queries/user-store.ts';
import { Forbidden, NotFound, parseInput } from '../../errors.ts';

export const TokenBody = z.object({ label: z.string().trim().min(1).max(200) }).strict();
export const TokenId = z.uuid('must be a token id (a UUID)');

export function tokensRoutes(users: UserStore, audit: AuditLog): Router {
  const router = Router();
  router.use('/auth/tokens', requireSession);

  router.post('/auth/tokens', async (req, res) => {
    const body = parseInput(TokenBody, req.body ?? {});
    if (currentSession(res)!.kind !== 'cookie') {
      throw new Forbidden('API tokens are made from a signed-in browser session (with its CSRF token), never with another token.');
    }
    const user = currentUser(res)!;
    const issued = await users.issueToken(user, body.label);
    await audit.record(user, { action: 'token-create', targetIds: [issued.id] });
    // The token is in this answer only: the server keeps its hash.
    res.status(201).json({ id: issued.id, label: body.label, token: issued.token, expiresAt: issued.expiresAt });
  });

  router.get('/auth/tokens', async (_req, res) => {
    res.json({ tokens: await users.listTokens(currentUser(res)!.id) });
  });

  /** Every token of the account at once: what to do when one leaked and what else it reached is unknown. */
  router.delete('/auth/tokens', async (_req, res) => {
    res.json({ revoked: await revokeAll(res, currentUser(res)!.id) });
  });

  // One's own token; an admin may revoke anyone's. Someone else's token is not found, as if it did not exist.
  router.delete('/auth/tokens/:id', async (req, res) => {
    const id = parseInput(TokenId, req.params.id, 'id');
    const user = currentUser(res)!;
    if (!(await users.endSession(id, user.role === 'admin' ? null : user.id, 'token'))) throw new NotFound(`You have no API token "${id}"`);
    await audit.record(user, { action: 'token-revoke', targetIds: [id] });
    res.status(204).end();
  });

  router.get('/users/:id/tokens', requireRole('admin'), async (req, res) => {
    res.json({ tokens: await users.listTokens(parseInput(UserId, req.params.id, 'id')) });
  });

  router.delete('/users/:id/tokens', requireRole('admin'), async (req, res) => {
    res.json({ revoked: await revokeAll(res, parseInput(UserId, req.params.id, 'id')) });
  });

  async function revokeAll(res: Response, userId: string): Promise<number> {
    const revoked = await users.revokeTokens(userId);
    await audit.record(currentUser(res), { action: 'token-revoke', targetIds: [userId], parameters: { ended: revoked } });
    return revoked;
  }

  return router;
}
