// The export file of a saved view (its record and every version) and reading one back for an import.
import { z } from 'zod';
import { MAX_VIEW_VERSIONS } from '../../contract/queries/views/ceilings.ts';
import { ViewAuthor } from '../../contract/queries/views/view-params.ts';
import { BadInput, type FieldProblem } from '../errors.ts';
import { badInputFrom } from '../errors.ts';
import { upgradeView } from '../../contract/api/saved-view.ts';
import type { StoredVersion, ViewRecord } from '../queries/view-store.ts';

export const VIEW_EXPORT_FORMAT = 'xpf-explorer/view';

/**
 * No share token: a file travels further than a link should, and an import gets its own. Documents
 * keep their snapshots, so the importer sees what changed since the original saves.
 */
export interface ViewExportFile {
  format: typeof VIEW_EXPORT_FORMAT;
  exportedAt: string;
  view: Omit<ViewRecord, 'shareId'>;
  versions: StoredVersion[];
}

export function toExportFile(view: ViewRecord, versions: StoredVersion[], exportedAt: string): ViewExportFile {
  const { shareId: _shareId, ...record } = view;
  return { format: VIEW_EXPORT_FORMAT, exportedAt, view: record, versions };
}

/** What an import reads: the envelope strictly, each document through upgradeView (any schemaVersion). */
export const ImportFile = z.object({
  format: z.literal(VIEW_EXPORT_FORMAT, `must be "${VIEW_EXPORT_FORMAT}": an export of a saved view`),
  versions: z
    .array(
      z.object({
        version: z.number().int().min(1),
        savedAt: z.iso.datetime(),
        author: ViewAuthor,
        document: z.unknown(),
      }),
    )
    .min(1, 'must hold at least one version')
    .max(MAX_VIEW_VERSIONS, `must hold at most ${MAX_VIEW_VERSIONS} versions`),
});

/** The file's versions, upgraded to the current document, or a 400 naming every bad field. */
export function readExportFile(raw: unknown): StoredVersion[] {
  const parsed = ImportFile.safeParse(raw);
  if (!parsed.success) throw badInputFrom(parsed.error);
  const versions: StoredVersion[] = [];
  const problems: FieldProblem[] = [];
  parsed.data.versions.forEach((saved, index) => {
    if (saved.version !== index + 1) {
      problems.push({ field: `versions.${index}.version`, reason: `must be ${index + 1}: versions are numbered 1..n in order` });
    }
    try {
      const document = upgradeView(saved.document);
      versions.push({ version: saved.version, savedAt: saved.savedAt, author: saved.author, title: document.title, document });
    } catch (error) {
      if (!(error instanceof z.ZodError)) throw error;
      problems.push(...badInputFrom(error, `versions.${index}.document`).errors!);
    }
  });
  if (problems.length > 0) throw new BadInput(problems);
  return versions;
}
