// Talks to the xpf-explorer API: every answer is checked with Result.parse, every failure becomes an ApiError.
import { z } from 'zod';
import { Result } from '../../cypher/result.ts';

/** An application/problem+json body, as server/problems.ts writes it. */
const Problem = z.object({
  type: z.string().optional(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
});

export interface FieldError {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors: readonly FieldError[];

  constructor(status: number, title: string, detail: string, errors: readonly FieldError[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.errors = errors;
  }
}

/** Sent on every state-changing request: the server compares it with the session's (CSRF). */
let csrfToken: string | null = null;

const Session = z.object({
  user: z.object({ id: z.string(), username: z.string(), role: z.enum(['viewer', 'analyst', 'admin']) }),
  csrfToken: z.string().nullable(),
});
export type Session = z.infer<typeof Session>;

/** Who is signed in, or null when nobody is (401). */
export async function fetchSession(): Promise<Session | null> {
  const response = await fetch('/api/auth/session', { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (response.status === 401) return null;
  if (!response.ok) throw await toApiError(response);
  const session = Session.parse(await response.json());
  csrfToken = session.csrfToken;
  return session;
}

/** Credentials go as JSON in the body, never in the URL. */
export async function login(username: string, password: string): Promise<Session> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username, password }),
    cache: 'no-store',
  });
  if (!response.ok) throw await toApiError(response);
  const session = Session.parse(await response.json());
  csrfToken = session.csrfToken;
  return session;
}

export async function logout(): Promise<void> {
  await fetch('/api/auth/logout', { method: 'POST', headers: csrfToken ? { 'x-csrf-token': csrfToken } : {}, cache: 'no-store' });
  csrfToken = null;
}

export function searchNodes(query: string, limit: number, signal?: AbortSignal): Promise<Result> {
  const search = new URLSearchParams({ q: query, limit: String(limit) });
  return getResult(`/api/search?${search}`, signal);
}

export function fetchNode(id: string, signal?: AbortSignal): Promise<Result> {
  return getResult(`/api/nodes/${encodeURIComponent(id)}`, signal);
}

/** `asOf` left out: every link ever recorded counts, whatever its dates. */
export function fetchChain(id: string, asOf: string | undefined, signal?: AbortSignal): Promise<Result> {
  const search = asOf ? `?${new URLSearchParams({ asOf })}` : '';
  return getResult(`/api/chain/${encodeURIComponent(id)}${search}`, signal);
}

/** One curated query as GET /api/queries lists it: its parameters as JSON Schema, for a form. */
const QueryDescription = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  returns: z.string(),
  parameters: z.object({
    properties: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
    required: z.array(z.string()).default([]),
  }),
});
export type QueryDescription = z.infer<typeof QueryDescription>;

export async function fetchQueries(signal?: AbortSignal): Promise<QueryDescription[]> {
  const response = await fetch('/api/queries', { headers: { accept: 'application/json' }, cache: 'no-store', signal });
  if (!response.ok) throw await toApiError(response);
  return z.object({ queries: z.array(QueryDescription) }).parse(await response.json()).queries;
}

/** Runs a curated query by its catalogue name; the server checks `params` against the query's schema. */
export function runQuery(name: string, params: Record<string, unknown>, signal?: AbortSignal): Promise<Result> {
  return getResult(`/api/queries/${encodeURIComponent(name)}`, signal, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    body: JSON.stringify({ params }),
  });
}

async function getResult(path: string, signal: AbortSignal | undefined, init: RequestInit = {}): Promise<Result> {
  let response: Response;
  try {
    // no-store: what an analyst looked up should not linger in the browser's HTTP cache.
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers }, cache: 'no-store', signal });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'Server unreachable', 'The xpf-explorer server did not answer. Is it running?');
  }
  if (!response.ok) throw await toApiError(response);

  const parsed = Result.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError(response.status, 'Unexpected answer', `The server's answer to ${path} is not a Result: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback = new ApiError(response.status, response.statusText || 'Request failed', `The server answered ${response.status}.`);
  if (!(response.headers.get('content-type') ?? '').includes('json')) return fallback;
  const problem = Problem.safeParse(await response.json().catch(() => null));
  if (!problem.success) return fallback;
  const { status, title, detail, errors } = problem.data;
  return new ApiError(status, title, detail ?? title, errors);
}

/** A request superseded by a newer one: not an error worth showing. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
