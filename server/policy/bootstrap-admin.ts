// The first admin: from ADMIN_USER and ADMIN_PASSWORD at start while no admin exists, from the one-time
// setup address start-up prints otherwise (admin-setup.ts), or from `npm run admin:create`. Never a default password.
import type { User, UserStore } from '../queries/user-store.ts';
import { passwordProblem } from './password-rules.ts';

export class AdminSetupError extends Error {}

/** The rules every account's password meets (password-rules.ts), for the first admin's too. */
export async function checkAdminPassword(password: string, username?: string): Promise<void> {
  const problem = await passwordProblem(password, username ? [username] : []);
  if (problem) throw new AdminSetupError(`The admin password (ADMIN_PASSWORD, or the line read from stdin) ${problem}.`);
}

/** Creates the admin when the variables are set and no enabled admin exists; says what it did. */
export async function bootstrapAdmin(users: UserStore, username: string | undefined, password: string | undefined): Promise<string> {
  if ((await users.adminCount()) > 0) return username ? 'An admin account exists already: ADMIN_USER and ADMIN_PASSWORD are ignored.' : '';
  if (!username || !password) {
    return 'No admin account yet: open the one-time setup address printed below to create it in the browser (or set ADMIN_USER and ADMIN_PASSWORD, or run `npm run admin:create -- <username>`).';
  }
  await checkAdminPassword(password, username);
  if (await users.findForLogin(username))
    throw new AdminSetupError(`ADMIN_USER "${username}" names an existing account that is not an admin; pick another name.`);
  const user: User = await users.create(username, password, 'admin');
  return `Created the admin account "${user.username}" from ADMIN_USER.`;
}
