// Connection to the run's Neo4j (started by global-setup.ts) and the app on top of it, listening on a
// free port so tests talk HTTP exactly as the browser does, signed in as a user of the role asked for.
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import type { Role } from '../../contract/api/session.ts';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { createApp, type AppOptions } from '../../server/http/app.ts';
import { GraphExecutor } from '../../server/graph/executor.ts';
import { UserStore } from '../../server/queries/user-store.ts';
import { clientDistDir } from '../../server/http/client-bundle.ts';
import { createDriver } from '../../server/graph/driver.ts';

/** The app's own executor on a test driver, for fixtures that write or read as the app does. */
export async function testExecutor(driver: Driver, timeoutMs = 60_000): Promise<GraphExecutor> {
  return new GraphExecutor(driver, await loadCatalogue(), { timeoutMs });
}

export function testDriver(): Driver {
  const neo4j = inject('neo4j');
  if (!neo4j) throw new Error('No test Neo4j: run through vitest, whose globalSetup (tests/support/global-setup.ts) starts it.');
  return createDriver(neo4j.uri, neo4j.user, neo4j.password);
}

/** Every test account has this password; they live only in the run's throwaway database. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** The account `test-<role>` (or `name`), created on first use; parallel test files may race to create it. */
export async function ensureTestUser(driver: Driver, role: Role, name = `test-${role}`): Promise<{ username: string; password: string }> {
  const users = new UserStore(await testExecutor(driver));
  if (!(await users.findForLogin(name))) {
    try {
      await users.create(name, TEST_PASSWORD, role);
    } catch (error) {
      // Another file created it between the look-up and the write: the constraint said so.
      if (!String((error as { code?: unknown }).code).includes('ConstraintValidationFailed')) throw error;
    }
  }
  return { username: name, password: TEST_PASSWORD };
}

/** A JSON answer as a test reads it: its shape is what the assertions check, so it is not typed beforehand. */
// biome-ignore lint/suspicious/noExplicitAny: the tests walk answers of every route; `unknown` would need a cast at each step.
export type AnswerBody = any;

export interface Answer {
  status: number;
  contentType: string;
  body: AnswerBody;
}

/** One signed-in client: its cookie, and its CSRF token sent on every request. */
export interface Client {
  username: string;
  cookie: string;
  csrfToken: string;
  /** Headers a request of this client carries (cookie and CSRF token). */
  headers: Record<string, string>;
  /** fetch() on a path of the app, signed in. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Fetches a path of the app and parses its JSON body. */
  get(path: string): Promise<Answer>;
  post(path: string, body?: unknown): Promise<Answer>;
  put(path: string, body?: unknown): Promise<Answer>;
  patch(path: string, body?: unknown): Promise<Answer>;
  delete(path: string): Promise<Answer>;
}

export interface TestApp extends Client {
  baseUrl: string;
  driver: Driver;
  /** Credentials this app resolved, and how many of them it had to read from Neo4j (server/queries/session-cache.ts). */
  sessionStats: { resolved: number; readFromGraph: number };
  /** Another signed-in client of the same app: another role, or another user of the same role. */
  login(role: Role, name?: string): Promise<Client>;
  /** The files in the app's upload folder (an upload cut off must leave none). */
  uploadFiles(): Promise<string[]>;
  close(): Promise<void>;
}

async function parse(response: Response): Promise<Answer> {
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, contentType, body: text && contentType.includes('json') ? JSON.parse(text) : text || null };
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<Client> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`Test sign-in as ${username} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith('xpf_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
  const send = (method: string) => async (path: string, body?: unknown) =>
    parse(await call(path, body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  return {
    username,
    cookie,
    csrfToken,
    headers,
    fetch: call,
    get: async (path) => parse(await call(path)),
    post: send('POST'),
    put: send('PUT'),
    patch: send('PATCH'),
    delete: send('DELETE'),
  };
}

/**
 * The request budget of every test app: far above production's 7 s, below the 60 s a test may take.
 * A test of behaviour must not fail because a busy CI machine made one request slow; the budget
 * itself is tested on its own, in the fault tests (tests/faults/), with production's figures.
 */
export const TEST_REQUEST_BUDGET_MS = 45_000;

export interface TestAppOptions extends Partial<Pick<AppOptions, 'redactAll' | 'redactionSecret' | 'rateLimits' | 'sessionCacheMs'>> {
  /** Import uploads: the size limit (the folder is the app's own temporary one). */
  imports?: { uploadLimitBytes?: number };
  /** Who the returned client is signed in as: `test-<role>`. Analyst unless said. */
  role?: Role;
}

/** The real app on a real driver; `driver` may point at a database that is down, to test that too. */
export async function startTestApp(driver: Driver = testDriver(), options: TestAppOptions = {}): Promise<TestApp> {
  const catalogue = await loadCatalogue();
  const uploadsDir = await mkdtemp(join(tmpdir(), 'xpf-test-uploads-'));
  const app = createApp({
    driver,
    catalogue,
    clientDir: clientDistDir,
    log: () => {},
    redactAll: options.redactAll ?? false,
    redactionSecret: options.redactionSecret ?? 'test redaction secret',
    // Where global-setup.ts had the seed write its stand-in photos (PHOTOS_DIR's default).
    photosDir: inject('neo4j') ? join(inject('neo4j').dataDir, 'photos') : undefined,
    // Off unless a test asks: test files sign in many times from one address (the limits have their
    // own tests in tests/integration/hardening.test.ts).
    rateLimits: { queriesPerMinute: 0, loginPerMinute: 0, ...options.rateLimits },
    imports: { uploadsDir, uploadLimitBytes: options.imports?.uploadLimitBytes ?? 50 * 1024 * 1024 },
    ...(options.sessionCacheMs === undefined ? {} : { sessionCacheMs: options.sessionCacheMs }),
    requestDeadlineMs: TEST_REQUEST_BUDGET_MS,
    queryTimeoutMs: TEST_REQUEST_BUDGET_MS,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    await new Promise((resolve) => server.close(resolve));
    await driver.close();
    await rm(uploadsDir, { recursive: true, force: true });
  };
  const uploadFiles = () => readdir(uploadsDir).catch(() => []);
  const login = async (role: Role, name?: string) => {
    const account = await ensureTestUser(driver, role, name);
    return signIn(baseUrl, account.username, account.password);
  };
  let client: Client;
  try {
    client = await login(options.role ?? 'analyst');
  } catch (error) {
    // A database that is down (health tests): no sign-in, but the app still answers health.
    if (
      !(await driver.getServerInfo().then(
        () => false,
        () => true,
      ))
    ) {
      await close();
      throw error;
    }
    const anonymous = (path: string, init?: RequestInit) => fetch(`${baseUrl}${path}`, init);
    const refuse = async () => {
      throw new Error('Not signed in: the test database is down');
    };
    client = {
      username: '',
      cookie: '',
      csrfToken: '',
      headers: {},
      fetch: anonymous,
      get: async (path) => parse(await anonymous(path)),
      post: refuse,
      put: refuse,
      patch: refuse,
      delete: refuse,
    };
  }
  return { ...client, baseUrl, driver, login, uploadFiles, close, sessionStats: app.locals.sessionStats };
}
