// `npm run admin:create -- <username>`: creates an admin account. The password comes from
// ADMIN_PASSWORD or is read from stdin (one line), never from the command line, where `ps` shows it.
import { createInterface } from 'node:readline';
import { loadCatalogue } from '../graph/catalogue.ts';
import { Username } from '../../contract/queries/auth/auth-params.ts';
import { parseEnv } from '../env.ts';
import { connectToGraph } from '../graph/driver.ts';
import { GraphExecutor } from '../graph/executor.ts';
import { queries } from '../../contract/queries/index.ts';
import { AdminSetupError, checkAdminPassword } from '../policy/bootstrap-admin.ts';
import { UserStore } from '../queries/user-store.ts';

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password for the new admin (input is not hidden; pipe it in to keep it off the screen): ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function main(): Promise<void> {
  const username = Username.safeParse(process.argv[2]);
  if (!username.success) throw new AdminSetupError('Usage: npm run admin:create -- <username> (letters, digits, "_", ".", "@", "-")');
  const password = await readPassword();
  await checkAdminPassword(password, username.data);
  const env = parseEnv();
  const catalogue = await loadCatalogue();
  const connection = await connectToGraph(env);
  try {
    const graph = new GraphExecutor(connection.driver, catalogue, { timeoutMs: 10_000 });
    await graph.applySchema(queries.schema);
    const users = new UserStore(graph);
    await users.keyUsernames();
    if (await users.findForLogin(username.data)) throw new AdminSetupError(`An account named "${username.data}" exists already.`);
    await users.create(username.data, password, 'admin');
    console.log(`Created the admin account "${username.data}".`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(`admin:create failed: ${error instanceof AdminSetupError ? error.message : String(error)}`);
  process.exit(1);
});
