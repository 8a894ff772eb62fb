// Class data sharing for Neo4j's JVM: the classes a run of Neo4j loaded (its server, Bolt, the Cypher
// planner) are recorded once into an archive in the user-level cache, and every later JVM maps them
// in rather than reading, checking and linking them from a few hundred jars again. Measured on this
// two-core machine: Neo4j answered on Bolt after 3.8 s instead of 6.4 s, and planning the curated
// queries took 11.6 s instead of 12.5 s.
//
// The JVM writes the archive as it exits (-XX:ArchiveClassesAtExit), which takes some seconds, once.
// A half-written archive crashes the JVM that maps it (SIGBUS), so a recording goes to a file of its
// own, is checked by a JVM of its own, and only then is renamed to the name the next start looks for.
// One process records at a time (a lock file naming its pid); the others start without an archive.
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { isAlive } from './process-alive.ts';
import type { Neo4jDistribution } from './provision.ts';

const run = promisify(execFile);

export interface JvmOutcome {
  /** Whether Neo4j answered on Bolt before the JVM ended. */
  started: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ClassArchive {
  /** `used`: this JVM maps the archive; `recording`: it writes one as it exits; `none`: neither. */
  state: 'used' | 'recording' | 'none';
  /** The archive's file, when there is one to use or to record. */
  path?: string;
  jvmFlags: string[];
  /** Called once the JVM has exited: publishes a finished recording, or drops an archive that failed a start. */
  settle(outcome: JvmOutcome): Promise<void>;
}

const none: ClassArchive = { state: 'none', jvmFlags: [], settle: async () => {} };

/** Whether a JVM ended by a signal of its own (a crash aborts it: SIGABRT), not by one of ours. */
export function crashed(signal: NodeJS.Signals | null): boolean {
  return signal !== null && signal !== 'SIGKILL' && signal !== 'SIGTERM';
}

/** Flags of the user's own (NEO4J_JVM_OPTIONS) that decide class sharing themselves, e.g. -Xshare:off. */
const SHARING_FLAG = /^-Xshare:|SharedArchiveFile|ArchiveClassesAtExit/;

/** Takes the recording lock, or a stale one whose process is gone; false while another process records. */
async function takeLock(lockPath: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
      const owner = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (owner && isAlive(owner)) return false;
      await rm(lockPath, { force: true });
    }
  }
  return false;
}

/** Whether a JVM of the same build and class path maps the archive and starts (a broken one aborts it). */
async function opens(distribution: Neo4jDistribution, classPath: string, archive: string): Promise<boolean> {
  try {
    await run(distribution.java.java, [`-XX:SharedArchiveFile=${archive}`, '-Xshare:on', '-cp', classPath, '-version'], { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** The archive of this JVM build, this Neo4j and this class path: any change names another. */
export function archivePath(distribution: Neo4jDistribution, classPath: string, archiveDir: string): string {
  const key = createHash('sha256')
    .update([distribution.java.java, distribution.java.versionText, distribution.version, classPath].join('\0'))
    .digest('hex')
    .slice(0, 16);
  return join(archiveDir, `neo4j-classes-${key}.jsa`);
}

export async function classArchive(
  distribution: Neo4jDistribution,
  classPath: string,
  archiveDir: string,
  userFlags: readonly string[],
): Promise<ClassArchive> {
  if (userFlags.some((flag) => SHARING_FLAG.test(flag))) return none;
  const archive = archivePath(distribution, classPath, archiveDir);
  if (existsSync(archive)) {
    return {
      state: 'used',
      path: archive,
      jvmFlags: [`-XX:SharedArchiveFile=${archive}`],
      // A JVM that crashed before it answered may have been crashed by the archive (one damaged since
      // it was checked aborts the JVM: SIGABRT): it goes, and the next start records another. A start
      // that failed otherwise (a refused password, a timeout, SIGKILL or SIGTERM from us) keeps it.
      settle: async ({ started, signal }) => {
        if (!started && crashed(signal)) await rm(archive, { force: true });
      },
    };
  }
  const lockPath = `${archive}.lock`;
  if (!(await takeLock(lockPath))) return none;
  // A recording whose process went before it could check it (this process is the one recording now).
  for (const name of await readdir(archiveDir)) {
    if (name.startsWith(`${basename(archive)}.`) && name.endsWith('.partial')) await rm(join(archiveDir, name), { force: true });
  }
  const recording = `${archive}.${randomUUID()}.partial`;
  return {
    state: 'recording',
    path: archive,
    jvmFlags: [`-XX:ArchiveClassesAtExit=${recording}`],
    settle: async ({ started, signal }) => {
      try {
        // Killed outright, the JVM wrote nothing or part of it; ended by itself (SIGTERM runs its
        // shutdown, System.exit when this process goes), it finished writing before it exited.
        if (started && signal === null && existsSync(recording) && (await opens(distribution, classPath, recording))) {
          await rename(recording, archive);
        }
      } finally {
        await rm(recording, { force: true });
        await rm(lockPath, { force: true });
      }
    },
  };
}
