// Saved views in Neo4j: `_View` records and their `_ViewVersion`s, each call one curated query of contract/queries/views.
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import type { CatalogueEntry } from '../graph/catalogue.ts';
import { runQuery } from '../graph/run-query.ts';
import { runEntry, type QueryContext } from '../graph/run-catalogue-query.ts';
import { upgradeView, type ViewDocument } from '../../contract/api/saved-view.ts';

/** A view's record, as lists show it. */
export interface ViewRecord {
  id: string;
  shareId: string;
  title: string;
  /** Who created it. Each version names who saved it. */
  author: string;
  /** The owning account's id; null for a view saved before accounts. */
  owner: string | null;
  /** Private: its owner alone opens it. Shared: every signed-in user does, by list or link. */
  visibility: 'private' | 'shared';
  createdAt: string;
  updatedAt: string;
  currentVersion: number;
}

export interface VersionRecord {
  version: number;
  savedAt: string;
  author: string;
  title: string;
}

export interface StoredVersion extends VersionRecord {
  /** Upgraded to the current schemaVersion on the way out, whatever version wrote it. */
  document: ViewDocument;
}

/** `saved` false: the base version was stale and nothing was written; `currentVersion` says what is current. */
export type SaveOutcome = { saved: boolean; currentVersion: number } | null;

/** Our own values reach these queries (ids we made, documents zod already checked). */
type Row = Record<string, unknown>;

function instant(value: unknown): string {
  if (neo4j.isDateTime(value)) return value.toStandardDate().toISOString();
  throw new Error(`Expected a stored date-time, got ${String(value)}`);
}

function whole(value: unknown): number {
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'number') return value;
  throw new Error(`Expected a stored whole number, got ${String(value)}`);
}

function toViewRecord(row: Row): ViewRecord {
  return {
    id: row.id as string,
    shareId: row.shareId as string,
    title: row.title as string,
    author: row.author as string,
    owner: (row.owner as string | null | undefined) ?? null,
    // Views from before accounts had no owner and were open to everyone: they stay shared.
    visibility: row.visibility === 'private' ? 'private' : 'shared',
    createdAt: instant(row.createdAt),
    updatedAt: instant(row.updatedAt),
    currentVersion: whole(row.currentVersion),
  };
}

function toVersionRecord(row: Row): VersionRecord {
  return { version: whole(row.version), savedAt: instant(row.savedAt), author: row.author as string, title: row.title as string };
}

function toStoredVersion(row: Row): StoredVersion {
  return { ...toVersionRecord(row), document: upgradeView(JSON.parse(row.document as string)) };
}

export class ViewStore {
  private readonly queries: Record<
    'create' | 'save' | 'remove' | 'list' | 'read' | 'versions' | 'shared' | 'visibility',
    CatalogueEntry
  >;

  constructor(
    private readonly context: QueryContext,
    catalogue: Map<string, CatalogueEntry>,
  ) {
    const query = (name: string) => {
      const entry = catalogue.get(name);
      if (!entry) throw new Error(`The catalogue has no "${name}" query`);
      return entry;
    };
    this.queries = {
      create: query('create-view'),
      save: query('save-view-version'),
      remove: query('delete-view'),
      list: query('list-views'),
      read: query('read-view'),
      versions: query('view-versions'),
      shared: query('find-shared-view'),
      visibility: query('set-view-visibility'),
    };
  }

  /** Parsed by the query's own schema (not strict): a failure here is a bug in this file, not bad input. */
  private run(entry: CatalogueEntry, params: Record<string, unknown>): Promise<Neo4jRecord[]> {
    return runEntry(this.context, entry, params, false);
  }

  async create(view: { id: string; shareId: string; author: string; owner: string; visibility: 'private' | 'shared'; createdAt: string }, versions: StoredVersion[]): Promise<void> {
    await this.run(this.queries.create, {
      ...view,
      title: versions.at(-1)!.title,
      versions: versions.map((saved) => ({ ...toVersionFields(saved), document: JSON.stringify(saved.document) })),
    });
  }

  /** Null when the view does not exist (or is deleted); `saved: false` when `baseVersion` is no longer current. */
  async saveVersion(id: string, baseVersion: number, saved: Omit<StoredVersion, 'version'>): Promise<SaveOutcome> {
    const [record] = await this.run(this.queries.save, {
      id,
      baseVersion,
      title: saved.title,
      author: saved.author,
      savedAt: saved.savedAt,
      document: JSON.stringify(saved.document),
    });
    if (!record) return null;
    return { saved: record.get('saved') === true, currentVersion: whole(record.get('currentVersion')) };
  }

  /** False when there was nothing to delete. */
  async remove(id: string, author: string, deletedAt: string): Promise<boolean> {
    return (await this.run(this.queries.remove, { id, author, deletedAt })).length > 0;
  }

  /** One page, and whether another follows (one row past the page tells, without counting). */
  async list(viewerId: string, mine: boolean, offset: number, limit: number): Promise<{ views: ViewRecord[]; more: boolean }> {
    const entry = this.queries.list;
    const records = (await runQuery(this.context.driver, entry, { viewerId, mine, offset, limit: limit + 1 }, { timeoutMs: this.context.timeoutMs })).records;
    return { views: records.slice(0, limit).map((record) => toViewRecord(record.toObject())), more: records.length > limit };
  }

  /** Null when there is no such view; `version` null when the view has no such version. */
  async read(id: string, version: number | null): Promise<{ view: ViewRecord; version: StoredVersion | null } | null> {
    const [record] = await this.run(this.queries.read, { id, version });
    if (!record) return null;
    const stored = record.get('version') as Row | null;
    return { view: toViewRecord(record.get('view') as Row), version: stored ? toStoredVersion(stored) : null };
  }

  async versions(id: string): Promise<{ view: ViewRecord; versions: VersionRecord[] } | null> {
    const [record] = await this.run(this.queries.versions, { id, withDocuments: false });
    if (!record) return null;
    return { view: toViewRecord(record.get('view') as Row), versions: (record.get('versions') as Row[]).map(toVersionRecord) };
  }

  async versionsWithDocuments(id: string): Promise<{ view: ViewRecord; versions: StoredVersion[] } | null> {
    const [record] = await this.run(this.queries.versions, { id, withDocuments: true });
    if (!record) return null;
    return { view: toViewRecord(record.get('view') as Row), versions: (record.get('versions') as Row[]).map(toStoredVersion) };
  }

  /** False when there is no such view. */
  async setVisibility(id: string, visibility: 'private' | 'shared'): Promise<boolean> {
    return (await this.run(this.queries.visibility, { id, visibility })).length > 0;
  }

  /** The id of the view a share token opens, or null. */
  async findShared(shareId: string): Promise<string | null> {
    const [record] = await this.run(this.queries.shared, { shareId });
    return record ? (record.get('id') as string) : null;
  }
}

function toVersionFields(saved: VersionRecord): VersionRecord {
  return { version: saved.version, savedAt: saved.savedAt, author: saved.author, title: saved.title };
}
