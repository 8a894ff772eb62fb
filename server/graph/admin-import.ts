// Runs Neo4j's offline importer (`neo4j-admin database import full`, from the provisioned jars) on the
// embedded store while no Neo4j runs on it, and keeps a marker until it has finished, so a load cut
// short is wiped at the next start instead of being opened half-written.
import { privately } from '../private-files.ts';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Neo4jDistribution } from './provision.ts';

/** Files that share one header: the header file first, then its data files. */
export interface ImportFileGroup {
  files: string[];
  /** A value spans lines: the importer must parse this input slowly, field by field. */
  multiline: boolean;
}

export interface ImportInput {
  nodes: ImportFileGroup[];
  relationships: ImportFileGroup[];
  arrayDelimiter: string;
}

export interface OfflineImportOptions {
  /** The importer's heap and its memory off the heap (ids, caches), as NEO4J_HEAP and NEO4J_PAGECACHE size Neo4j. */
  heap: string;
  offHeap: string;
  /**
   * More options for the importer's JVM: NEO4J_JVM_OPTIONS, as the Neo4j it loads for gets them. The
   * tests' C1-only flag took the small seed's load from 11-13 s to 7-9 s of a cold start here.
   */
  jvmOptions?: readonly string[];
  /** Each stage the importer starts, and each redraw of its progress bar. */
  onProgress?: (progress: ImporterProgress) => void;
}

/** Where the importer is: the stage it started last, as it names it, and that stage's count so far, as it prints it. */
export interface ImporterProgress {
  /** "Nodes", "Relationships", "Node Degrees", "RelationshipGroup 2/13"…; "Starting" before the first. */
  step: string;
  /** The stage's counter as the bar shows it ("590K", "1.06M"); null until its bar is first drawn. */
  done: string | null;
}

/**
 * A stage's first line: "Nodes, started 2026-12-04 22:47:02.388+0000". It can follow other text on
 * one line ("…Suggested heap size is 1.001GiBNodes, started…"): the name's words start with a
 * capital and go on in lower case, so "GiB" is not taken into it.
 */
const STAGE_STARTED = /([A-Z][a-z]+(?:[A-Z][a-z]+)*(?: (?:[A-Za-z]+|-->|<--|\d+\/\d+))*), started \d{4}-\d\d-\d\d/;
/** A redraw of the stage's bar: "[*Nodes:0B/s 1.004GiB----…] 590K ∆ 110K", its count before the "∆". */
const BAR_COUNT = /\]\s*(\d+(?:\.\d+)?[KMGT]?) ∆/;

/**
 * Reads the importer's output as it streams in: whole lines (ended by "\n") and the redraws of its
 * progress bar, which end in "\r" only. Neo4j 5.26 prints no percentages: a stage's name, then its
 * count as the bar moves.
 */
export class ImporterOutput {
  readonly lines: string[] = [];
  private readonly unfinished: Array<() => void> = [];
  private progress: ImporterProgress = { step: 'Starting', done: null };

  constructor(private readonly onProgress: (progress: ImporterProgress) => void = () => {}) {}

  /** Where the importer is now: "Starting" until it names its first stage. */
  get current(): ImporterProgress {
    return this.progress;
  }

  /** A reader of one stream (stdout, stderr): each keeps its own unfinished line. */
  stream(): (chunk: string) => void {
    let partial = '';
    this.unfinished.push(() => {
      if (partial) this.read(partial);
      partial = '';
    });
    return (chunk) => {
      const pieces = (partial + chunk).split(/\r\n|\r|\n/);
      partial = pieces.pop()!;
      for (const piece of pieces) this.read(piece);
    };
  }

  /** The streams have ended: their last pieces, if they ended without a line break. */
  end(): void {
    for (const flush of this.unfinished) flush();
  }

  private read(piece: string): void {
    const count = BAR_COUNT.exec(piece);
    if (count) {
      this.report({ step: this.progress.step, done: count[1]! });
      return;
    }
    // Lines only, not the bar's redraws, which at 10m run to thousands.
    this.lines.push(piece);
    // A failure's stack trace runs to hundreds of lines: keep its start, where the cause is.
    if (this.lines.length > 2000) this.lines.splice(1000, 1);
    const stage = STAGE_STARTED.exec(piece);
    if (stage) this.report({ step: stage[1]!, done: null });
  }

  private report(progress: ImporterProgress): void {
    this.progress = progress;
    this.onProgress(progress);
  }
}

export class OfflineImportError extends Error {}

/** The database every query uses: Community has only this one. */
const DATABASE = 'neo4j';

const markerOf = (homeDir: string) => join(homeDir, 'offline-import.pending');

/** Where a load writes the importer's CSV input: beside the store, on the same disk, removed once read. */
export const stagingDirOf = (homeDir: string) => join(homeDir, 'offline-import');

/** True when the embedded store has no user database yet: the first start, or one after a wiped load. */
export function storeIsMissing(homeDir: string): boolean {
  return !existsSync(join(homeDir, 'data', 'databases', DATABASE));
}

/**
 * Removes what a load that did not finish left (its marker says so): the store it was writing, which
 * was empty before it began, and its CSV. Returns whether there was one.
 */
export async function clearUnfinishedImport(homeDir: string): Promise<boolean> {
  await rm(stagingDirOf(homeDir), { recursive: true, force: true });
  if (!existsSync(markerOf(homeDir))) return false;
  await removeStore(homeDir);
  await rm(markerOf(homeDir), { force: true });
  return true;
}

/** Deletes the user database's store and transaction logs (only ever an empty one: see callers). */
export async function removeStore(homeDir: string): Promise<void> {
  await rm(join(homeDir, 'data', 'databases', DATABASE), { recursive: true, force: true });
  await rm(join(homeDir, 'data', 'transactions', DATABASE), { recursive: true, force: true });
}

function arguments_(input: ImportInput, homeDir: string, offHeap: string): string[] {
  const group = (option: string, groups: ImportFileGroup[]) => groups.map((each) => `--${option}=${each.files.join(',')}`);
  const multiline = [...input.nodes, ...input.relationships].some((each) => each.multiline);
  return [
    'database',
    'import',
    'full',
    // First: the file options take every word after them, up to the next option.
    DATABASE,
    '--verbose',
    // The store is empty (callers check): anything there is what a wiped load left.
    '--overwrite-destination=true',
    `--array-delimiter=U+${input.arrayDelimiter.codePointAt(0)!.toString(16).padStart(4, '0').toUpperCase()}`,
    // Rows were validated: one bad entry is a bug, and the load stops rather than drop it.
    '--bad-tolerance=0',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    `--max-off-heap-memory=${offHeap}`,
    `--report-file=${join(homeDir, 'logs', 'offline-import.report')}`,
    ...(multiline ? ['--multiline-fields=true'] : []),
    ...group('nodes', input.nodes),
    ...group('relationships', input.relationships),
  ];
}

/** The importer's reason for failing, as one line: the input error it names, or its last error line. */
function failureOf(output: string[]): string {
  const original = output.find((line) => line.includes('original error:'));
  if (original) return original.replace(/^.*original error:\s*/, '').trim();
  const error = [...output].reverse().find((line) => /error|exception|failed/i.test(line) && !line.startsWith('\tat '));
  return error?.trim().slice(0, 300) ?? 'it exited without saying why';
}

/**
 * Imports `input` into the embedded store of `homeDir` (whose conf/neo4j.conf names the data folder).
 * Neo4j must not be running on it. Resolves with what the importer counted.
 */
export async function importOffline(
  distribution: Neo4jDistribution,
  homeDir: string,
  input: ImportInput,
  options: OfflineImportOptions,
): Promise<{ nodes: number; relationships: number }> {
  await writeFile(markerOf(homeDir), `${process.pid}\n`, { mode: 0o600 });
  // Under the owner-only umask, as Neo4j itself runs: the store it writes holds the evidence.
  const child = privately(() =>
    spawn(
      distribution.java.java,
      [
        `-Xmx${options.heap}`,
        ...(options.jvmOptions ?? []),
        '-cp',
        join(distribution.libDir, '*'),
        'org.neo4j.cli.AdminTool',
        ...arguments_(input, homeDir, options.offHeap),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEO4J_HOME: homeDir, NEO4J_CONF: join(homeDir, 'conf') } },
    ),
  );
  const reader = new ImporterOutput(options.onProgress);
  // Said at once: the importer's JVM takes seconds before it names its first stage.
  options.onProgress?.(reader.current);
  // Read as text by a decoder per stream: a character split between two chunks is not garbled.
  child.stdout.setEncoding('utf8').on('data', reader.stream());
  child.stderr.setEncoding('utf8').on('data', reader.stream());
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) => reject(new OfflineImportError(`Could not run Java for the offline import: ${error.message}`)));
    // 'close', not 'exit': the streams have been read to their end.
    child.once('close', resolve);
  });
  reader.end();
  const output = reader.lines;
  if (code !== 0) throw new OfflineImportError(`Neo4j's offline import failed: ${failureOf(output)}`);
  const count = (what: string) => Number(output.map((line) => new RegExp(`^\\s+(\\d+) ${what}\\s*$`).exec(line)?.[1]).find(Boolean) ?? Number.NaN);
  await rm(markerOf(homeDir), { force: true });
  return { nodes: count('nodes'), relationships: count('relationships') };
}
