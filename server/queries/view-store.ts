// Saved views in Neo4j: `_View` records and their `_ViewVersion`s, each call one curated query of contract/queries/views.
import { upgradeView, type ViewDocument } from '../../contract/api/saved-view.ts';
import { queries } from '../../contract/queries/index.ts';
import type { ViewRecordRow } from '../../contract/queries/views/view-params.ts';
import type { GraphExecutor } from '../graph/executor.ts';

/** A view's record, as lists show it (contract/queries/views/view-params.ts). */
export type ViewRecord = ViewRecordRow;

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

function toStoredVersion(row: VersionRecord & { document: string }): StoredVersion {
  return { ...toVersionFields(row), document: upgradeView(JSON.parse(row.document)) };
}

export class ViewStore {
  constructor(private readonly graph: GraphExecutor) {}

  async create(
    view: { id: string; shareId: string; author: string; owner: string; visibility: 'private' | 'shared'; createdAt: string },
    versions: StoredVersion[],
  ): Promise<void> {
    await this.graph.records(queries.createView, {
      ...view,
      title: versions.at(-1)!.title,
      versions: versions.map((saved) => ({ ...toVersionFields(saved), document: JSON.stringify(saved.document) })),
    });
  }

  /** Null when the view does not exist (or is deleted); `saved: false` when `baseVersion` is no longer current. */
  async saveVersion(id: string, baseVersion: number, saved: Omit<StoredVersion, 'version'>): Promise<SaveOutcome> {
    return this.graph.record(queries.saveViewVersion, {
      id,
      baseVersion,
      title: saved.title,
      author: saved.author,
      savedAt: saved.savedAt,
      document: JSON.stringify(saved.document),
    });
  }

  /** False when there was nothing to delete. */
  async remove(id: string, author: string, deletedAt: string): Promise<boolean> {
    return (await this.graph.records(queries.deleteView, { id, author, deletedAt })).length > 0;
  }

  /** One page, and whether another follows (one row past the page tells, without counting). */
  async list(viewerId: string, mine: boolean, offset: number, limit: number): Promise<{ views: ViewRecord[]; more: boolean }> {
    const rows = await this.graph.records(queries.listViews, { viewerId, mine, offset, limit: limit + 1 });
    return { views: rows.slice(0, limit), more: rows.length > limit };
  }

  /** Null when there is no such view; `version` null when the view has no such version. */
  async read(id: string, version: number | null): Promise<{ view: ViewRecord; version: StoredVersion | null } | null> {
    const row = await this.graph.record(queries.readView, { id, version });
    if (!row) return null;
    return { view: row.view, version: row.version ? toStoredVersion(row.version) : null };
  }

  async versions(id: string): Promise<{ view: ViewRecord; versions: VersionRecord[] } | null> {
    const row = await this.graph.record(queries.viewVersions, { id, withDocuments: false });
    if (!row) return null;
    return { view: row.view, versions: row.versions.map(toVersionFields) };
  }

  async versionsWithDocuments(id: string): Promise<{ view: ViewRecord; versions: StoredVersion[] } | null> {
    const row = await this.graph.record(queries.viewVersions, { id, withDocuments: true });
    if (!row) return null;
    return { view: row.view, versions: row.versions.map((version) => toStoredVersion({ ...version, document: version.document ?? '' })) };
  }

  /** False when there is no such view. */
  async setVisibility(id: string, visibility: 'private' | 'shared'): Promise<boolean> {
    return (await this.graph.records(queries.setViewVisibility, { id, visibility })).length > 0;
  }

  /** The id of the view a share token opens, or null. */
  async findShared(shareId: string): Promise<string | null> {
    return (await this.graph.record(queries.findSharedView, { shareId }))?.id ?? null;
  }
}

function toVersionFields(saved: VersionRecord): VersionRecord {
  return { version: saved.version, savedAt: saved.savedAt, author: saved.author, title: saved.title };
}
