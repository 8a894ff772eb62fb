// The supervisor's rules, on stand-in JVMs: one line per exit, a restart with doubling waits, a count
// that a healthy run resets, a reason when it gives up, and no restart once the app is stopping.
import { describe, expect, it } from 'vitest';
import type { EmbeddedNeo4j, JvmExit } from './embedded.ts';
import { StartupError } from './startup-error.ts';
import { Neo4jSupervisor } from './supervisor.ts';

let nextPid = 100;

/** A JVM that exits when told to. */
function standIn() {
  let exit!: (how: JvmExit) => void;
  const exited = new Promise<JvmExit>((resolve) => (exit = resolve));
  const jvm: EmbeddedNeo4j & { kill: () => void; stopped: boolean } = {
    uri: 'bolt://127.0.0.1:1',
    user: 'neo4j',
    password: 'x',
    version: '5.26.0',
    pid: nextPid++,
    classArchive: 'none',
    exit: exited,
    exited: exited.then(({ code }) => code),
    stopped: false,
    stop: async () => {
      jvm.stopped = true;
      exit({ code: 0, signal: null });
    },
    kill: () => exit({ code: null, signal: 'SIGKILL' }),
  };
  return jvm;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('Neo4jSupervisor', () => {
  it('restarts a JVM that exits on its own, saying so in one line', async () => {
    const lines: string[] = [];
    const first = standIn();
    const second = standIn();
    const restarted: number[] = [];
    const supervisor = new Neo4jSupervisor(
      first,
      async () => second,
      { attempts: 3, firstDelayMs: 1, healthyAfterMs: 60_000 },
      {
        log: (line) => lines.push(line),
        onRestarted: (jvm) => restarted.push(jvm.pid),
        onGiveUp: () => lines.push('gave up'),
      },
    );
    first.kill();
    await settle();
    expect(lines[0]).toBe(`Neo4j (pid ${first.pid}) was killed by SIGKILL: restarting it in 0.001 s (attempt 1 of 3).`);
    expect(lines[1]).toMatch(new RegExp(`^Neo4j restarted \\(pid ${second.pid}\\) and its database answers after \\d+\\.\\d s\\.$`));
    expect(restarted).toEqual([second.pid]);
    expect(supervisor.neo4j).toBe(second);
    await supervisor.stop();
    expect(second.stopped).toBe(true);
  });

  it('gives up with the reason after its attempts, each wait twice the last', async () => {
    const lines: string[] = [];
    const reasons: string[] = [];
    const first = standIn();
    const refused = async (): Promise<EmbeddedNeo4j> => {
      throw new StartupError('Bolt port 1 on 127.0.0.1 is already in use: stop what holds it or set NEO4J_BOLT_PORT.');
    };
    new Neo4jSupervisor(
      first,
      refused,
      { attempts: 2, firstDelayMs: 1, healthyAfterMs: 60_000 },
      { log: (line) => lines.push(line), onGiveUp: (why) => reasons.push(why) },
    );
    first.kill();
    await settle();
    expect(lines.map((line) => line.replace(/^.*: restarting/, 'restarting'))).toEqual([
      'restarting it in 0.001 s (attempt 1 of 2).',
      'restarting it in 0.002 s (attempt 2 of 2).',
    ]);
    expect(reasons).toEqual([
      'Neo4j could not be restarted: Bolt port 1 on 127.0.0.1 is already in use: stop what holds it or set NEO4J_BOLT_PORT; gave up after 2 restarts in a row',
    ]);
  });

  it('never restarts with NEO4J_RESTART_ATTEMPTS=0, nor once the app is stopping', async () => {
    const reasons: string[] = [];
    const lone = standIn();
    new Neo4jSupervisor(
      lone,
      async () => standIn(),
      { attempts: 0, firstDelayMs: 1, healthyAfterMs: 60_000 },
      { log: () => {}, onGiveUp: (why) => reasons.push(why) },
    );
    lone.kill();
    await settle();
    expect(reasons).toEqual([`Neo4j (pid ${lone.pid}) was killed by SIGKILL; restarts are off (NEO4J_RESTART_ATTEMPTS=0)`]);

    let starts = 0;
    const first = standIn();
    const supervisor = new Neo4jSupervisor(
      first,
      async () => {
        starts += 1;
        return standIn();
      },
      { attempts: 3, firstDelayMs: 10_000, healthyAfterMs: 60_000 },
      { log: () => {}, onGiveUp: () => {} },
    );
    first.kill();
    await settle();
    // Stopping during the wait before a restart: it ends at once, and nothing is started.
    await supervisor.stop();
    expect(starts).toBe(0);
  });
});
