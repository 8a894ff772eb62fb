// `npm start`'s command as a child process, for tests of what an operator meets: start-up lines,
// faults, signals. Each test file keeps its own Cleanups and runs them in afterAll.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../server/graph/ports.ts';

const repoRoot = join(import.meta.dirname, '..', '..');

/** Things to undo after a file's tests, last first: processes before the folders they write to. */
export class Cleanups {
  private readonly steps: Array<() => Promise<unknown>> = [];

  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }

  /**
   * Runs every step, each for two minutes at most: one that hangs (a server waiting for a connection
   * nobody closes) fails the file at once, with the rest still cleaned up, not at the hook's timeout.
   */
  async run(): Promise<void> {
    const failures: string[] = [];
    for (const [index, step] of [...this.steps.entries()].reverse()) {
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        step().then(
          () => null,
          (error: unknown) => String(error),
        ),
        new Promise<string>((resolve) => (timer = setTimeout(() => resolve('did not end within 120 s'), 120_000))),
      ]);
      clearTimeout(timer);
      if (outcome) failures.push(`cleanup step ${index + 1} of ${this.steps.length}: ${outcome}`);
    }
    this.steps.length = 0;
    if (failures.length > 0) throw new Error(failures.join('\n'));
  }

  async tempDir(prefix: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    this.add(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }
}

export interface AppProcess {
  child: ChildProcess;
  /** Every line it printed, stdout and stderr, in order. */
  output: string[];
  port: number;
  dataDir: string;
  exited: Promise<number | null>;
}

/**
 * One process, as `npm start` runs it (the tsx CLI would put a wrapper process in between); killed at
 * cleanup. `throughNpm` starts `npm start` itself: the child is then npm, and the app its child.
 */
export async function launchApp(cleanups: Cleanups, env: Record<string, string>, dataDir?: string, throughNpm = false): Promise<AppProcess> {
  const port = await freePort();
  const folder = dataDir ?? (await cleanups.tempDir('xpf-app-'));
  const [command, args] = throughNpm ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'server/main.ts']];
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: folder, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // npm's own group: a cleanup that kills npm must take the app under it too, or it outlives the test.
    detached: throughNpm,
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.add(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      if (throughNpm) process.kill(-child.pid!, 'SIGKILL');
      else child.kill('SIGKILL');
    }
    await exited;
  });
  return { child, output, port, dataDir: folder, exited };
}

/** Resolves on a line containing `text` (the "Ready" line by default), rejects if the process exits first. */
export async function printed(app: AppProcess, text = 'Ready in'): Promise<void> {
  while (!app.output.some((line) => line.includes(text))) {
    if (app.child.exitCode !== null) throw new Error(`exited ${app.child.exitCode}:\n${app.output.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The app's and its JVM's pids, from a data folder's lock file. */
export async function lockPids(dataDir: string): Promise<{ app: number; jvm: number }> {
  const [app, jvm] = (await readFile(join(dataDir, 'neo4j', 'xpf-explorer.pid'), 'utf8')).trim().split(/\s+/).map(Number);
  return { app: app!, jvm: jvm! };
}
