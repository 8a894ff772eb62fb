// Provisions Neo4j Community from Maven Central into a user-level cache, once per version, shared by
// every clone: the jars of org.neo4j:neo4j (its server entry point, Bolt, Lucene full-text) and our
// small launcher compiled beside them, as a jar (a JVM records its classes for class data sharing,
// server/graph/class-archive.ts, only from jars on its class path, never from a folder of classes).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Say } from '../phases.ts';
import { StartupError } from './startup-error.ts';

const run = promisify(execFile);

/** The 5.26 LTS line runs on JDK 17 (2025.x needs 21). Newest 5.26 patch on Maven Central when pinned. */
export const NEO4J_VERSION = '5.26.30';
/** Pinned so a warm cache needs no plugin metadata from the network. */
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const LAUNCHER_SOURCE = new URL('./java/XpfNeo4jLauncher.java', import.meta.url);

export interface JavaRuntime {
  java: string;
  javac: string;
  /** The JDK's jar tool, which packs the launcher. */
  jar: string;
  major: number;
  /** What `java -version` printed: a class archive is only valid for the very JVM build that wrote it. */
  versionText: string;
}

export interface Neo4jDistribution {
  version: string;
  /** Folder of jars: Neo4j and its runtime dependencies. */
  libDir: string;
  /** The jar holding XpfNeo4jLauncher.class. */
  launcherJar: string;
  java: JavaRuntime;
}

/** JAVA_HOME's java when set, else the one on PATH; refuses anything older than 17. */
export async function findJava(env: NodeJS.ProcessEnv = process.env): Promise<JavaRuntime> {
  const bin = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin') : '';
  const java = bin ? join(bin, 'java') : 'java';
  const javac = bin ? join(bin, 'javac') : 'javac';
  const jar = bin ? join(bin, 'jar') : 'jar';
  let versionText: string;
  try {
    const { stderr, stdout } = await run(java, ['-version']);
    versionText = `${stderr}${stdout}`;
  } catch {
    throw new StartupError('Java not found: install a JDK 17 or 21 (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME.');
  }
  const major = Number(/version "(?:1\.)?(\d+)/.exec(versionText)?.[1] ?? 0);
  if (major < 17) throw new StartupError(`Java ${major || '(unknown)'} is too old: Neo4j ${NEO4J_VERSION} needs JDK 17 or 21 (set JAVA_HOME).`);
  return { java, javac, jar, major, versionText: versionText.trim() };
}

function pomFor(version: string): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>xpf-explorer</groupId>
  <artifactId>neo4j-runtime</artifactId>
  <version>${version}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>${version}</version></dependency>
  </dependencies>
</project>
`;
}

/** Bytes under `dir`, files of every depth: what Maven has fetched so far. */
async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name)).catch(() => ({ size: 0 }))).size;
  }
  return total;
}

async function resolveJars(cacheDir: string, version: string, libDir: string, say: Say): Promise<void> {
  const workDir = join(cacheDir, `neo4j-${version}`);
  const stagingDir = `${libDir}.partial-${process.pid}`;
  await mkdir(workDir, { recursive: true });
  await writeFile(join(workDir, 'pom.xml'), pomFor(version));
  try {
    await run('mvn', ['-v']);
  } catch {
    throw new StartupError('Maven not found: install it (apt-get install maven) so Neo4j can be fetched from Maven Central once.');
  }
  // Maven runs quietly (its own progress is a line per file): the bytes it has fetched say how far it is.
  const repository = join(cacheDir, 'm2');
  const before = await bytesUnder(repository);
  const counting = setInterval(
    () =>
      void bytesUnder(repository).then((bytes) =>
        say(`Fetching Neo4j ${version} from Maven Central (once, about 125 MB): ${((bytes - before) / 1e6).toFixed(1)} MB so far…`),
      ),
    1_000,
  );
  try {
    await run(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        join(workDir, 'pom.xml'),
        `-Dmaven.repo.local=${join(cacheDir, 'm2')}`,
        `${DEPENDENCY_PLUGIN}:copy-dependencies`,
        `-DoutputDirectory=${stagingDir}`,
        '-DincludeScope=runtime',
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true });
    const output = `${(error as { stdout?: string }).stdout ?? ''}`.split('\n').find((line) => line.includes('ERROR')) ?? '';
    throw new StartupError(`Could not fetch Neo4j ${version} from Maven Central: ${output.replace(/^\[ERROR\]\s*/, '').slice(0, 300) || 'mvn failed'}`);
  } finally {
    clearInterval(counting);
  }
  // Publish the folder in one rename so a crash mid-download never leaves a half-filled lib/.
  await rm(libDir, { recursive: true, force: true });
  await rename(stagingDir, libDir);
}

const LAUNCHER_JAR = 'xpf-neo4j-launcher.jar';

async function compileLauncher(cacheDir: string, java: JavaRuntime): Promise<string> {
  const source = await readFile(LAUNCHER_SOURCE, 'utf8');
  // `jar`: the layout (a jar, where a folder of classes was) is part of the digest, so an older cache's folder is not taken for it.
  const digest = createHash('sha256').update(source).update(String(java.major)).update('jar').digest('hex').slice(0, 12);
  const launcherDir = join(cacheDir, `launcher-${digest}`);
  const launcherJar = join(launcherDir, LAUNCHER_JAR);
  if (existsSync(launcherJar)) return launcherJar;
  const stagingDir = `${launcherDir}.partial-${process.pid}`;
  const classesDir = join(stagingDir, 'classes');
  await mkdir(classesDir, { recursive: true });
  try {
    await run(java.javac, ['--release', '17', '-d', classesDir, new URL(LAUNCHER_SOURCE).pathname]);
    await run(java.jar, ['--create', '--file', join(stagingDir, LAUNCHER_JAR), '-C', classesDir, '.']);
    await rm(classesDir, { recursive: true, force: true });
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new StartupError('javac or jar not found: a full JDK (not only a JRE) is needed, e.g. apt-get install openjdk-17-jdk-headless.');
    }
    throw new StartupError(`Could not compile the Neo4j launcher: ${String((error as { stderr?: string }).stderr ?? error).slice(0, 300)}`);
  }
  // Another process may have published the same jar meanwhile (and a JVM started from it): it is kept.
  if (!existsSync(launcherJar)) {
    await rm(launcherDir, { recursive: true, force: true });
    await rename(stagingDir, launcherDir).catch((error: unknown) => {
      if (!existsSync(launcherJar)) throw error;
    });
  }
  await rm(stagingDir, { recursive: true, force: true });
  return launcherJar;
}

/** Everything needed to run Neo4j, fetched on first use and reused from the cache afterwards. */
export async function provisionNeo4j(cacheDir: string, version = NEO4J_VERSION, say: Say = () => {}): Promise<Neo4jDistribution> {
  const java = await findJava();
  const libDir = join(cacheDir, `neo4j-${version}`, 'lib');
  const complete = existsSync(libDir) && (await readdir(libDir)).some((name) => name === `neo4j-${version}.jar`);
  if (!complete) await resolveJars(cacheDir, version, libDir, say);
  const launcherJar = await compileLauncher(cacheDir, java);
  return { version, libDir, launcherJar, java };
}
