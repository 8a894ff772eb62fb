// SessionCache: bounded in size and lifetime, forgets at once what this process changes.
import { describe, expect, it } from 'vitest';
import { SessionCache, type ResolvedSession } from './session-cache.ts';

function resolved(user: string, session: string, expiresAt = 1e13): ResolvedSession {
  return { user: { id: user, username: user, role: 'analyst' }, session: { id: session, kind: 'cookie', csrfToken: 'c' }, expiresAt, idleExpiresAt: null };
}

describe('SessionCache', () => {
  it('answers within its lifetime, and not after', () => {
    const cache = new SessionCache({ lifetimeMs: 5000, maxEntries: 10 });
    cache.put('k', resolved('u', 's'), cache.begin(), 1000);
    expect(cache.get('k', 5999)?.session.id).toBe('s');
    expect(cache.get('k', 6000)).toBeNull();
  });

  it('never answers past the session’s own expiry', () => {
    const cache = new SessionCache({ lifetimeMs: 5000, maxEntries: 10 });
    cache.put('k', resolved('u', 's', 2000), cache.begin(), 1000);
    expect(cache.get('k', 2000)).toBeNull();
  });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new SessionCache({ lifetimeMs: 5000, maxEntries: 2 });
    cache.put('a', resolved('u', 'a'), cache.begin(), 0);
    cache.put('b', resolved('u', 'b'), cache.begin(), 0);
    cache.get('a', 1);
    cache.put('c', resolved('u', 'c'), cache.begin(), 2);
    expect(cache.size).toBe(2);
    expect(cache.get('b', 3)).toBeNull();
    expect(cache.get('a', 3)).not.toBeNull();
  });

  it('forgets a session or a user at once, and ignores a look-up that began before', () => {
    const cache = new SessionCache({ lifetimeMs: 5000, maxEntries: 10 });
    cache.put('a', resolved('u1', 'a'), cache.begin(), 0);
    cache.put('b', resolved('u1', 'b'), cache.begin(), 0);
    cache.put('c', resolved('u2', 'c'), cache.begin(), 0);
    cache.forgetSession('a');
    expect(cache.get('a', 1)).toBeNull();
    const begun = cache.begin();
    cache.forgetUser('u1');
    expect(cache.get('b', 1)).toBeNull();
    expect(cache.get('c', 1)).not.toBeNull();
    // Read from the graph before the user was forgotten: possibly stale, so not kept.
    cache.put('b', resolved('u1', 'b'), begun, 2);
    expect(cache.get('b', 3)).toBeNull();
  });

  it('keeps nothing when its lifetime is 0', () => {
    const cache = new SessionCache({ lifetimeMs: 0, maxEntries: 10 });
    cache.put('a', resolved('u', 'a'), cache.begin(), 0);
    expect(cache.size).toBe(0);
  });
});
