// The API client: answers checked as Results, problem documents turned into ApiErrors carrying their detail.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, fetchChain, searchNodes } from './api.ts';

function answer(status: number, body: unknown, contentType = 'application/json'): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const empty = { nodes: [], edges: [], paths: [], citations: {}, summary: {}, meta: { query: 'q', parameters: {}, durationMs: 1, truncated: false } };

describe('api', () => {
  it('asks with the text and limit and returns the parsed Result', async () => {
    answer(200, empty);
    await expect(searchNodes('Chen Quanguo', { limit: 20 })).resolves.toEqual(empty);
    expect(vi.mocked(fetch).mock.calls[0]?.[0]).toBe('/api/search?q=Chen+Quanguo&limit=20');
  });

  it('escapes ids and sends asOf only when given', async () => {
    answer(200, empty);
    await fetchChain('org/1', undefined);
    await fetchChain('org:1', '2018-01-01');
    expect(vi.mocked(fetch).mock.calls.map((call) => call[0])).toEqual(['/api/chain/org%2F1', '/api/chain/org%3A1?asOf=2018-01-01']);
  });

  it('turns a problem document into an ApiError with its detail and field errors', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Bad input',
      status: 400,
      detail: 'asOf is not a date',
      errors: [{ field: 'asOf', reason: 'Invalid ISO date' }],
    };
    answer(400, problem, 'application/problem+json');
    const error = await fetchChain('o1', 'soon').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, title: 'Bad input', message: 'asOf is not a date', errors: problem.errors });
  });

  it('refuses an answer that is not a Result', async () => {
    answer(200, { nodes: 'nope' });
    await expect(searchNodes('x', { limit: 5 })).rejects.toMatchObject({ name: 'ApiError', title: 'Unexpected answer' });
  });
});
