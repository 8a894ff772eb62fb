// Writes graph rows (contract/graph-rows.ts) as the CSV input of Neo4j's offline importer, streamed to
// disk batch by batch: one file group per node kind and one for relationships, each a header file
// (written last, typed from the values seen) beside its data file. Rows must already have passed
// NodeRow / RelationshipRow; this module only changes their spelling.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GraphBatch, NodeRow, RelationshipRow } from '../../contract/graph-rows.ts';
import { ENTITY_LABEL, type NodeKind, RelationshipProps, nodeSchemas, primaryKind } from '../../contract/model.ts';
import type { ImportFileGroup, ImportInput } from '../graph/admin-import.ts';
import { privateFolder } from '../private-files.ts';

/** Between the items of a list and between labels: a control character no name or source id holds. */
export const ARRAY_DELIMITER = '\u001f';

type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'date' | 'datetime';

/** What a column held so far; its header type is decided when the files are finished. */
interface Column {
  name: string;
  seen: ColumnType | null;
  /** Neo4j stores `from`/`to` on links as dates (contract/queries/seed/merge-relationships.cypher). */
  fixed?: ColumnType;
}

class CsvProblem extends Error {}

function quoted(text: string): string {
  if (text.includes(ARRAY_DELIMITER)) throw new CsvProblem(`a value holds the control character U+001F: ${JSON.stringify(text.slice(0, 80))}`);
  return `"${text.replaceAll('"', '""')}"`;
}

/** A list in one field, its items apart by ARRAY_DELIMITER. */
function quotedList(items: readonly string[]): string {
  return `"${items.map((item) => quoted(item).slice(1, -1)).join(ARRAY_DELIMITER)}"`;
}

/** One group of files that share a header: its data streams to disk, the header waits for the types. */
class FileGroup {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  rows = 0;
  /** Set when a value spans lines: the importer then needs its (slower) multi-line parsing. */
  multiline = false;

  constructor(
    readonly dataFile: string,
    readonly headerFile: string,
    private readonly leading: string[],
    readonly columns: Column[],
  ) {
    // Owner-only: the rows are personal data of detainees.
    this.stream = createWriteStream(dataFile, { mode: 0o600 });
  }

  /** `lead` are the already spelt leading fields (id, labels or ends); `properties` fill the columns. */
  add(lead: string[], properties: Record<string, unknown>, where: string): void {
    const fields = [...lead];
    let known = 0;
    for (const column of this.columns) {
      const value = properties[column.name];
      if (value !== undefined) known += 1;
      fields.push(this.cell(column, value, where));
    }
    if (known !== Object.values(properties).filter((value) => value !== undefined).length) {
      const extra = Object.keys(properties).filter((key) => !this.columns.some((column) => column.name === key));
      throw new CsvProblem(`${where}: properties outside the model (${extra.join(', ')})`);
    }
    this.pending.push(fields.join(','));
    this.rows += 1;
  }

  private cell(column: Column, value: unknown, where: string): string {
    if (value === undefined || value === null) return '';
    const type = column.fixed ?? typeOf(value, where, column.name);
    if (!column.fixed) column.seen = widen(column.seen, type, where, column.name);
    if (Array.isArray(value)) return value.length === 0 ? '' : quotedList(value.map(String));
    if (typeof value === 'string') {
      if (/[\r\n]/.test(value)) this.multiline = true;
      return quoted(value);
    }
    return String(value);
  }

  /** Writes what `add` gathered since the last flush, waiting when the disk is behind. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = `${this.pending.join('\n')}\n`;
    this.pending = [];
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Drops the rest: the load failed. */
  abandon(): void {
    this.stream.destroy();
  }

  async finish(): Promise<ImportFileGroup> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    const header = [...this.leading, ...this.columns.map((column) => `${column.name}:${column.fixed ?? column.seen ?? 'string'}`)].join(',');
    await writeFile(this.headerFile, `${header}\n`, { mode: 0o600 });
    return { files: [this.headerFile, this.dataFile], multiline: this.multiline };
  }
}

function typeOf(value: unknown, where: string, name: string): ColumnType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return 'string[]';
  throw new CsvProblem(`${where}: property ${name} holds a value the importer cannot type (${JSON.stringify(value).slice(0, 80)})`);
}

/** A column of whole numbers with one fraction among them is a column of doubles; any other mix is a model bug. */
function widen(seen: ColumnType | null, type: ColumnType, where: string, name: string): ColumnType {
  if (seen === null || seen === type) return type;
  if ((seen === 'long' && type === 'double') || (seen === 'double' && type === 'long')) return 'double';
  throw new CsvProblem(`${where}: property ${name} holds both ${seen} and ${type} values`);
}

function columnsOf(shape: Record<string, unknown>, fixed: Record<string, ColumnType> = {}): Column[] {
  const names = new Set([...Object.keys(shape), 'imports']);
  names.delete('id');
  return [...names].map((name) => ({ name, seen: null, ...(fixed[name] ? { fixed: fixed[name] } : {}) }));
}

/** The `_Import` record as the online path leaves it once complete (begin-import.cypher, commit-batch.cypher). */
export interface CompletedImportRecord {
  importId: string;
  fileName: string;
  checksum: string;
  importedBy: string;
  rowCount: number | null;
  committedBatches: number;
  startedAt: string;
  finishedAt: string;
}

/**
 * The importer's input for one load, written as rows arrive. `importId` goes into each element's
 * `imports` list when the load is a user's import (the seed leaves it out, as the online path does).
 */
export class ImportCsvWriter {
  private readonly nodeGroups = new Map<NodeKind, FileGroup>();
  private relationshipGroup: FileGroup | null = null;
  private recordFile: string | null = null;
  nodes = 0;
  relationships = 0;

  constructor(
    private readonly dir: string,
    private readonly linkToImport: string | null,
  ) {}

  static async create(dir: string, linkToImport: string | null): Promise<ImportCsvWriter> {
    await privateFolder(dir);
    return new ImportCsvWriter(dir, linkToImport);
  }

  async add(batch: GraphBatch): Promise<void> {
    for (const row of batch.nodes) this.addNode(row);
    for (const row of batch.relationships) this.addRelationship(row);
    for (const group of this.groups()) await group.flush();
  }

  private addNode(row: NodeRow): void {
    const kind = primaryKind(row.labels);
    if (!kind) throw new CsvProblem(`node ${row.id}: its labels name no single kind`);
    let group = this.nodeGroups.get(kind);
    if (!group) {
      const base = join(this.dir, `nodes-${kind}`);
      group = new FileGroup(`${base}.csv`, `${base}.header.csv`, ['id:ID', ':LABEL'], columnsOf(nodeSchemas[kind].shape));
      this.nodeGroups.set(kind, group);
    }
    group.add([quoted(row.id), quotedList([ENTITY_LABEL, ...row.labels])], this.withImport(row.properties), `node ${row.id}`);
    this.nodes += 1;
  }

  private addRelationship(row: RelationshipRow): void {
    this.relationshipGroup ??= new FileGroup(
      join(this.dir, 'relationships.csv'),
      join(this.dir, 'relationships.header.csv'),
      [':START_ID', ':END_ID', ':TYPE', 'id:string'],
      columnsOf(RelationshipProps.shape, { from: 'date', to: 'date' }),
    );
    this.relationshipGroup.add([quoted(row.source), quoted(row.target), row.type, quoted(row.id)], this.withImport(row.properties), `relationship ${row.id}`);
    this.relationships += 1;
  }

  /** As the online path sets it: this import alone for a user's import, none for the seed. */
  private withImport(properties: Record<string, unknown>): Record<string, unknown> {
    const { imports: _given, ...rest } = properties;
    return this.linkToImport === null ? rest : { ...rest, imports: [this.linkToImport] };
  }

  private groups(): FileGroup[] {
    return [...this.nodeGroups.values(), ...(this.relationshipGroup ? [this.relationshipGroup] : [])];
  }

  /** The load's own record, complete: it lands in the store with the rows or not at all. */
  async addRecord(record: CompletedImportRecord): Promise<void> {
    // Its own id space: an evidence id may look like an import id.
    const header =
      'id:ID(import),:LABEL,fileName,checksum,importedBy,rowCount:long,committedBatches:long,status,firstStartedAt:datetime,finishedAt:datetime,runs:string[]';
    const line = [
      quoted(record.importId),
      '_Import',
      quoted(record.fileName),
      quoted(record.checksum),
      quoted(record.importedBy),
      record.rowCount === null ? '' : String(record.rowCount),
      String(record.committedBatches),
      quoted('complete'),
      record.startedAt,
      record.finishedAt,
      quotedList([`${record.startedAt} ${record.importedBy}`]),
    ].join(',');
    this.recordFile = join(this.dir, 'import-record.csv');
    await writeFile(this.recordFile, `${header}\n${line}\n`, { mode: 0o600 });
  }

  /** Closes every file without finishing it: the load failed and its folder goes. */
  abandon(): void {
    for (const group of this.groups()) group.abandon();
  }

  /** Closes every file and writes the headers; what the importer is to read, nodes and relationships. */
  async finish(): Promise<ImportInput> {
    const nodes = await Promise.all([...this.nodeGroups.values()].map((group) => group.finish()));
    if (this.recordFile) nodes.push({ files: [this.recordFile], multiline: false });
    const relationships = this.relationshipGroup ? [await this.relationshipGroup.finish()] : [];
    return { nodes, relationships, arrayDelimiter: ARRAY_DELIMITER };
  }
}
