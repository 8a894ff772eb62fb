// The history of imports and their undo. Undoing an import deletes what it alone asserted, and on
// elements that the seed or another import also asserts takes back only what it added (sources,
// values it filled in, labels, aliases), as its claims record; the elements keep their other sources.
import type { ElementCounts, ImportHistoryEntry } from '../../contract/api/imports.ts';
import { primaryKind } from '../../contract/model.ts';
import { deriveNames, matchKeys } from '../../contract/names.ts';
import { queries } from '../../contract/queries/index.ts';
import type { AssertedElement, Retraction } from '../../contract/queries/import/undo-params.ts';
import type { GraphExecutor } from '../graph/executor.ts';

/** Undo cannot go ahead: the import is unknown, already undone, or others' links hang on its nodes. */
export class UndoRefused extends Error {
  constructor(
    message: string,
    readonly status: 404 | 409,
  ) {
    super(message);
  }
}

export interface UndoOutcome {
  deleted: number;
  retracted: number;
}

const WRITE_CHUNK = 5_000;
/** More elements than this in one import: undo them in several runs (the read would not fit). */
const MAX_UNDO_ELEMENTS = 10_000_000;

export async function listImports(graph: GraphExecutor, limit = 200): Promise<ImportHistoryEntry[]> {
  const rows = await graph.records(queries.listImports, { limit });
  return rows.map(({ entry }) => ({
    id: entry.id,
    fileName: entry.fileName,
    checksum: entry.checksum,
    mappingName: entry.mappingName ?? null,
    mapping: entry.mapping ?? null,
    importedBy: entry.importedBy,
    startedAt: entry.startedAt ?? null,
    finishedAt: entry.finishedAt ?? null,
    durationMs: entry.durationMs ?? null,
    status: entry.status,
    counts: entry.counts ? (JSON.parse(entry.counts) as ElementCounts) : null,
    problems: entry.problems ?? 0,
    undoneAt: entry.undoneAt ?? null,
    undoneBy: entry.undoneBy ?? null,
  }));
}

const union = (...lists: (readonly string[] | null | undefined)[]) => [...new Set(lists.flatMap((list) => list ?? []))];

/** What undo does to one element: delete it, or take back this import's additions. */
export function planUndo(importId: string, element: AssertedElement): { delete: true } | { delete: false; retraction: Retraction } {
  const mine = element.claims.find((claim) => claim.importId === importId);
  const others = element.claims.filter((claim) => claim.importId !== importId);
  const imports = element.imports.filter((id) => id !== importId);
  const { properties } = element;
  const base = { elementId: element.elementId, imports, nameKeys: properties.nameKeys ?? null, matchKeys: properties.matchKeys ?? null };
  if (!mine) {
    // This import created it: gone when nobody else asserts it; else the next import that asserts
    // it becomes its creator, and its sources are what the others cite.
    if (imports.length === 0) return { delete: true };
    return {
      delete: false,
      retraction: {
        ...base,
        sources: union(...others.map((claim) => claim.citedSources)),
        aliases: properties.aliases ?? null,
        unset: [],
        removeLabels: [],
        promote: others.some((claim) => claim.importId === imports[0]) ? imports[0]! : null,
      },
    };
  }
  const citedByOthers = new Set(others.flatMap((claim) => claim.citedSources));
  const heldByOthers = new Set(others.flatMap((claim) => [...claim.filled, ...claim.agreed]));
  const removedSources = new Set(mine.addedSources.filter((source) => !citedByOthers.has(source)));
  const removedAliases = new Set(mine.addedAliases.filter((alias) => !others.some((claim) => claim.addedAliases.includes(alias))));
  const unset = mine.filled.filter((key) => !heldByOthers.has(key));
  const sources = properties.sources ? properties.sources.filter((source) => !removedSources.has(source)) : null;
  const aliases = properties.aliases ? properties.aliases.filter((alias) => !removedAliases.has(alias)) : null;
  const retraction: Retraction = {
    ...base,
    sources: sources && sources.length === 0 && !properties.sources?.length ? null : sources,
    aliases,
    unset,
    removeLabels: mine.addedLabels.filter((label) => !others.some((claim) => claim.addedLabels.includes(label))),
    promote: null,
  };
  // Names changed: the search and match keys follow what is left.
  if (typeof properties.name === 'string' && (removedAliases.size > 0 || unset.some((key) => ['name', 'nameZh', 'pinyin'].includes(key)))) {
    const person = primaryKind(element.labels.filter((label) => !retraction.removeLabels.includes(label))) === 'Person';
    const names = {
      name: properties.name,
      nameZh: unset.includes('nameZh') ? undefined : (properties.nameZh ?? undefined),
      pinyin: unset.includes('pinyin') ? undefined : (properties.pinyin ?? undefined),
    };
    retraction.nameKeys = deriveNames({ ...names, aliases: aliases ?? [], person }).nameKeys;
    retraction.matchKeys = matchKeys({ ...names, person });
  }
  return { delete: false, retraction };
}

/**
 * Undoes an import: refused while a link another import or the seed asserts hangs on a node this
 * import alone created (undo that one first). Marked `undoing` while it runs, so an interrupted
 * undo is finished by running it again; `undone` after, and the same file may then be imported again.
 */
export async function undoImport(graph: GraphExecutor, importId: string, by: string): Promise<UndoOutcome> {
  const status = await graph.record(queries.importStatus, { importId }, { timeoutMs: 60_000 });
  if (!status) throw new UndoRefused(`No import "${importId}".`, 404);
  if (status.status === 'undone') throw new UndoRefused(`Import "${importId}" was already undone.`, 409);
  const conflicts = await graph.records(queries.undoConflicts, { importId, limit: 20 }, { timeoutMs: 600_000 });
  if (conflicts.length > 0) {
    const others = union(...conflicts.map((conflict) => conflict.imports)).filter((id) => id !== importId);
    throw new UndoRefused(
      `Undo would delete nodes that other links hang on (${conflicts
        .slice(0, 5)
        .map((conflict) => `${conflict.type} ${conflict.linkId ?? ''} on "${conflict.nodeId}"`)
        .join(', ')}${others.length ? `, asserted by ${others.join(', ')}` : ' from the seed'}): undo those imports first.`,
      409,
    );
  }
  const at = () => new Date().toISOString();
  await graph.records(queries.markImport, { importId, status: 'undoing', by, at: at() });
  const nodes = await graph.records(queries.importNodes, { importId, limit: MAX_UNDO_ELEMENTS }, { timeoutMs: 600_000 });
  const links = await graph.records(queries.importRelationships, { importId, limit: MAX_UNDO_ELEMENTS }, { timeoutMs: 600_000 });
  const outcome: UndoOutcome = { deleted: 0, retracted: 0 };
  const apply = async (elements: AssertedElement[], kind: 'nodes' | 'relationships') => {
    for (let start = 0; start < elements.length; start += WRITE_CHUNK) {
      const plans = elements.slice(start, start + WRITE_CHUNK).map((element) => ({ element, plan: planUndo(importId, element) }));
      const doomed = plans.filter(({ plan }) => plan.delete).map(({ element }) => element.elementId);
      const kept = plans.flatMap(({ plan }) => (plan.delete ? [] : [plan.retraction]));
      if (doomed.length > 0) {
        const [row] = await graph.records(
          queries.deleteImportElements,
          { nodes: kind === 'nodes' ? doomed : [], relationships: kind === 'nodes' ? [] : doomed, importId },
          { timeoutMs: 600_000 },
        );
        outcome.deleted += row?.deleted ?? 0;
      }
      if (kept.length > 0) {
        const [row] = await graph.records(
          queries.retractImportElements,
          { nodes: kind === 'nodes' ? kept : [], relationships: kind === 'nodes' ? [] : kept, importId },
          { timeoutMs: 600_000 },
        );
        outcome.retracted += row?.retracted ?? 0;
      }
    }
  };
  // Links first: a node is deleted only once no link of this import hangs on it.
  await apply(links, 'relationships');
  await apply(nodes, 'nodes');
  await graph.records(queries.markImport, { importId, status: 'undone', by, at: at() });
  return outcome;
}
