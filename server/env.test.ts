import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.ts';

describe('parseEnv', () => {
  it('applies the documented defaults', () => {
    const env = parseEnv({ HOME: '/home/a' });
    expect(env).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', NEO4J_BOLT_PORT: 7687, NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '256m', NEO4J_USER: 'neo4j' });
    expect(env.DATA_DIR).toMatch(/\/data$/);
    expect(env.NEO4J_URI).toBeUndefined();
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ PORT: '' }).PORT).toBe(8080);
  });

  it('splits NEO4J_JVM_OPTIONS at spaces, none by default', () => {
    expect(parseEnv({}).NEO4J_JVM_OPTIONS).toEqual([]);
    expect(parseEnv({ NEO4J_JVM_OPTIONS: ' -XX:TieredStopAtLevel=1  -Xss1m ' }).NEO4J_JVM_OPTIONS).toEqual(['-XX:TieredStopAtLevel=1', '-Xss1m']);
  });

  it('stops with one line naming the bad variable and why', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/^Invalid environment variable PORT: /);
    expect(() => parseEnv({ NEO4J_HEAP: 'lots' })).toThrow('Invalid environment variable NEO4J_HEAP: must be a size such as 512m or 2g');
    expect(() => parseEnv({ NEO4J_JVM_OPTIONS: 'fast' })).toThrow(
      'Invalid environment variable NEO4J_JVM_OPTIONS: must be JVM options, each beginning with "-"',
    );
    expect(() => parseEnv({ NEO4J_URI: 'http://x' })).toThrow('Invalid environment variable NEO4J_URI: must be a neo4j:// or bolt:// URI');
    expect(() => parseEnv({ NEO4J_URI: 'neo4j+s://x.databases.neo4j.io' })).toThrow(
      'Invalid environment variable NEO4J_PASSWORD: is required when NEO4J_URI names an external server',
    );
  });

  it("takes TRUST_PROXY as the proxy's addresses, and refuses a hop count or true", () => {
    expect(parseEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', 'fd00::1']);
    for (const believesAnyone of ['1', 'true', '10.0.0.0/33', 'proxy.example']) {
      expect(() => parseEnv({ TRUST_PROXY: believesAnyone }), believesAnyone).toThrow(
        /^Invalid environment variable TRUST_PROXY: must name the proxy by address or range .*a hop count or "true" would believe the X-Forwarded-For of any client that reaches the app directly$/,
      );
    }
  });

  it('accepts an external server, Aura or a cluster', () => {
    const env = parseEnv({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_USER: 'reader', NEO4J_PASSWORD: 'long-enough' });
    expect(env).toMatchObject({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_USER: 'reader' });
  });
});
