// Neo4j's JVM records the classes it loaded into an archive once, and later JVMs map it in
// (server/graph/class-archive.ts): on real JVMs, each with a class-archive folder of this test's own.
import { readdir, readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../server/env.ts';
import { classArchive } from '../../server/graph/class-archive.ts';
import { neo4jClassPath, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/graph/embedded.ts';
import { provisionNeo4j } from '../../server/graph/provision.ts';
import { freePort } from '../../server/graph/ports.ts';
import { Cleanups, lockPids } from '../support/app-process.ts';
import { isAlive } from '../../server/graph/process-alive.ts';
import { NEO4J_TEST_START_MS, TEST_JVM_OPTIONS } from '../support/neo4j-start.ts';

const cleanups = new Cleanups();
afterAll(() => cleanups.run());

async function start(dataDir: string, classArchiveDir: string, jvmOptions = TEST_JVM_OPTIONS, startTimeoutMs = NEO4J_TEST_START_MS): Promise<EmbeddedNeo4j> {
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    cacheDir: parseEnv().XPF_CACHE_DIR,
    classArchiveDir,
    boltPort: await freePort(),
    heap: '256m',
    pageCache: '64m',
    jvmOptions,
    startTimeoutMs,
  });
  cleanups.add(() => neo4j.stop());
  return neo4j;
}

/** Files the JVM has mapped into its memory, as Linux lists them. */
async function mappedFiles(pid: number): Promise<string> {
  return readFile(`/proc/${pid}/maps`, 'utf8');
}

describe("Neo4j's class archive", () => {
  it('is recorded by the first JVM as it stops, mapped by the next, and dropped when damaged', async () => {
    const archiveDir = await cleanups.tempDir('xpf-class-archive-');
    const dataDir = await cleanups.tempDir('xpf-class-archive-data-');

    const recording = await start(dataDir, archiveDir);
    expect(recording.classArchive).toBe('recording');
    await recording.stop();
    const files = await readdir(archiveDir);
    // One archive, checked and published: no half-written recording and no lock left behind.
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^neo4j-classes-[0-9a-f]{16}\.jsa$/);
    const archive = join(archiveDir, files[0]!);

    const using = await start(dataDir, archiveDir);
    expect(using.classArchive).toBe('used');
    expect(await mappedFiles(using.pid)).toContain(archive);
    await using.stop();

    // A start that fails for another reason (here out of time: the JVM is killed before it answers) keeps it.
    await expect(start(dataDir, archiveDir, TEST_JVM_OPTIONS, 1)).rejects.toThrow(/did not answer on Bolt within/);
    const { jvm } = await lockPids(dataDir);
    while (isAlive(jvm)) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await readdir(archiveDir)).toEqual(files);

    // A user who turns class sharing off in NEO4J_JVM_OPTIONS gets neither flag of ours beside it
    // (asked of the launch's own choice: a JVM start more would only show what -Xshare:off does).
    const distribution = await provisionNeo4j(parseEnv().XPF_CACHE_DIR);
    const off = await classArchive(distribution, neo4jClassPath(distribution), archiveDir, [...TEST_JVM_OPTIONS, '-Xshare:off']);
    expect(off).toMatchObject({ state: 'none', jvmFlags: [] });
    expect(await readdir(archiveDir)).toEqual(files);

    // Damaged after it was checked (a disk error, a copy cut short): the JVM aborts mapping it. The
    // start fails saying so, the archive goes, and the next start records a new one.
    await truncate(archive, 1_000_000);
    await expect(start(dataDir, archiveDir)).rejects.toThrow(
      /crashed \(SIGBUS; its logs folder holds the report\)\. Its class archive \(.*\) was removed in case it was the cause: start again\.$/,
    );
    expect(await readdir(archiveDir)).toEqual([]);
    expect((await readdir(join(dataDir, 'neo4j', 'logs'))).some((name) => /^hs_err_pid\d+\.log$/.test(name))).toBe(true);
    const again = await start(dataDir, archiveDir);
    expect(again.classArchive).toBe('recording');
    // Five JVM starts: 112 s in CI run 47 with one core kept busy, past the suite's 120 s on a busier machine.
  }, 360_000);
});
