// Talks to the xpf-explorer API: every answer is checked with the contract's schemas, every failure becomes an ApiError.
import { z } from 'zod';
import { type FieldProblem, Problem } from '../../contract/api/problem.ts';
import { type QueryDescription, QueryListing } from '../../contract/api/queries.ts';
import { Session } from '../../contract/api/session.ts';
import type { EvidenceParams, EvidenceQueryName } from '../../contract/queries/index.ts';
import { Result } from '../../contract/result.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors: readonly FieldProblem[];

  constructor(status: number, title: string, detail: string, errors: readonly FieldProblem[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.errors = errors;
  }
}

/** Sent on every state-changing request: the server compares it with the session's (CSRF). */
let csrfToken: string | null = null;

/** The CSRF header for a state-changing request made outside this file (saved views, exports). */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

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

/** The first admin, from the one-time setup address the server printed: signs the new admin in. */
export async function createFirstAdmin(token: string, username: string, password: string): Promise<Session> {
  const response = await fetch('/api/setup/admin', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ token, username, password }),
    cache: 'no-store',
  });
  if (!response.ok) throw await toApiError(response);
  const session = Session.parse(await response.json());
  csrfToken = session.csrfToken;
  return session;
}

export async function logout(): Promise<void> {
  await fetch('/api/auth/logout', { method: 'POST', headers: csrfHeader(), cache: 'no-store' });
  csrfToken = null;
}

export interface SearchOptions {
  limit: number;
  /** Matches to skip: the page after the first. */
  offset?: number;
  /** Kinds or roles a match must carry one of; empty or absent allows every kind. */
  kinds?: readonly string[];
  /** true: synthetic records only; false: the public record only; absent: both. */
  synthetic?: boolean;
}

export function searchNodes(query: string, options: SearchOptions, signal?: AbortSignal): Promise<Result> {
  const search = new URLSearchParams({ q: query, limit: String(options.limit) });
  if (options.offset) search.set('offset', String(options.offset));
  for (const kind of options.kinds ?? []) search.append('kind', kind);
  if (options.synthetic !== undefined) search.set('synthetic', String(options.synthetic));
  return getResult('GET', `/api/search?${search}`, signal);
}

export function fetchNode(id: string, signal?: AbortSignal): Promise<Result> {
  return getResult('GET', `/api/nodes/${encodeURIComponent(id)}`, signal);
}

/** `asOf` left out: every link ever recorded counts, whatever its dates. */
export function fetchChain(id: string, asOf: string | undefined, signal?: AbortSignal, hypotheses = false): Promise<Result> {
  // Hypothesis links count only when the analyst asks; the answer then marks each chain through one.
  const parameters = new URLSearchParams({ ...(asOf ? { asOf } : {}), ...(hypotheses ? { hypotheses: 'include' } : {}) });
  const search = parameters.size > 0 ? `?${parameters}` : '';
  return getResult('GET', `/api/chain/${encodeURIComponent(id)}${search}`, signal);
}

/** A query GET /api/queries listed: its name is one of the typed index's evidence queries. */
export interface ListedQuery extends QueryDescription {
  name: EvidenceQueryName;
}

/**
 * The server lists exactly the evidence queries of contract/queries/index.ts, so a listed name is an
 * EvidenceQueryName. The index itself is not bundled (the client imports its types only): the listing
 * is the check, and a name shaped otherwise is not offered.
 */
function isListedQuery(query: QueryDescription): query is ListedQuery {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(query.name);
}

export async function fetchQueries(signal?: AbortSignal): Promise<ListedQuery[]> {
  return (await requestJson('GET', '/api/queries', QueryListing, { signal })).queries.filter(isListedQuery);
}

/** Runs a curated query by its typed name; the server checks `params` against the query's schema. */
export function runQuery<Name extends EvidenceQueryName>(name: Name, params: EvidenceParams<Name>, signal?: AbortSignal): Promise<Result> {
  return getResult('POST', `/api/queries/${encodeURIComponent(name)}`, signal, { params });
}

function getResult(method: string, path: string, signal: AbortSignal | undefined, body?: unknown): Promise<Result> {
  return requestJson(method, path, Result, { body, signal, expecting: 'a Result' });
}

export interface RequestOptions {
  /** Sent as JSON; left out, the request has no body. */
  body?: unknown;
  signal?: AbortSignal;
  /** What the answer should be, for the message of an 'Unexpected answer' ApiError ("a Result"). */
  expecting?: string;
}

/**
 * One request to the API, its answer checked with `schema` (null: the answer is not read). Failures are
 * ApiErrors: 'Server unreachable', a problem document, or 'Unexpected answer'; an abort is rethrown as is.
 */
export async function requestJson<T>(method: string, path: string, schema: z.ZodType<T> | null, options: RequestOptions = {}): Promise<T> {
  const response = await requestRaw(method, path, options);
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    const what = options.expecting ? `${path} is not ${options.expecting}` : `${method} ${path} is not what the client expects`;
    throw new ApiError(response.status, 'Unexpected answer', `The server's answer to ${what}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** As requestJson, but returns the (ok) Response unread: for exports, whose answer is a file. */
export async function requestRaw(method: string, path: string, { body, signal }: RequestOptions = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }), ...(method === 'GET' ? {} : csrfHeader()) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      // no-store: what an analyst looked up, and saved views naming detainees, should not linger in the browser's HTTP cache.
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'Server unreachable', 'The xpf-explorer server did not answer. Is it running?');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

export async function toApiError(response: Response): Promise<ApiError> {
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
