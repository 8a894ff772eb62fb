// Loads every curated query (a .cypher file + the handle its .ts declares), checks the pair, and
// keeps them by name. The server refuses to start on a missing or malformed query: a broken
// catalogue is a bug, not a 500 later.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { isCuratedQuery, type CuratedQuery, type EvidenceQuery } from '../../contract/queries/define-query.ts';
import { bodyParameters, bodyVocabulary, parseHeader, stripComments, type QueryHeader } from '../../contract/queries/header.ts';
import { allQueries } from '../../contract/queries/index.ts';
import { ENTITY_LABEL, InternalLabel, NodeLabel, RelationshipType } from '../../contract/model.ts';

export interface CatalogueEntry extends QueryHeader {
  /** Path relative to contract/queries/, e.g. chain/chain-of-command.cypher. */
  file: string;
  /** The statement as sent to Neo4j (comments stripped). */
  cypher: string;
  params: Record<string, string>;
  schema: z.ZodObject;
  /** The handle declared beside the .cypher file: what callers pass to the executor. */
  definition: CuratedQuery;
}

export class CatalogueError extends Error {}

/** Every query by name; `entry(handle)` is how the server finds one, never by a string. */
export class Catalogue extends Map<string, CatalogueEntry> {
  entry(query: CuratedQuery): CatalogueEntry {
    const found = this.get(query.name);
    // loadCatalogue checks that every handle of the index has its file, so this is a wiring bug.
    if (!found || found.definition.kind !== query.kind) throw new CatalogueError(`No catalogue entry for the ${query.kind} query "${query.name}"`);
    return found;
  }

  /** The evidence query a request or a saved view names, or null: a name from outside is data, checked here. */
  evidenceNamed(name: string): EvidenceQuery | null {
    const definition = this.get(name)?.definition;
    return definition?.kind === 'evidence' ? definition : null;
  }

  /** The questions about the evidence served over HTTP, by name. */
  evidence(): CatalogueEntry[] {
    return [...this.values()].filter((entry) => entry.definition.kind === 'evidence').sort((a, b) => a.name.localeCompare(b.name));
  }
}

/** A read query over the evidence graph: the only kind served over HTTP, and the only kind a view may name. */
export function isEvidenceQuery(entry: CatalogueEntry): boolean {
  return entry.definition.kind === 'evidence';
}

/** Run only by the seed and import jobs (`background` in define-query.ts): no request waits for its plan. */
export function isBackgroundQuery(entry: CatalogueEntry): boolean {
  return entry.definition.kind === 'records' && entry.definition.background === true;
}

/** Whether a warm-up may plan it: not the schema, not one that acts outside its transaction. */
export function isWarmable(entry: CatalogueEntry): boolean {
  return entry.definition.kind !== 'schema' && !(entry.definition.kind === 'records' && entry.definition.warm === false);
}

/** Whether a warm-up plans it by EXPLAIN only: running it would read the whole store. */
export function isPlannedOnly(entry: CatalogueEntry): boolean {
  return entry.definition.kind === 'records' && entry.definition.warm === 'plan';
}

const queriesRoot = fileURLToPath(new URL('../../contract/queries/', import.meta.url));
const knownLabels = new Set<string>([...NodeLabel.options, ...InternalLabel.options, ENTITY_LABEL]);
const knownTypes = new Set<string>(RelationshipType.options);

/** The transaction each kind of handle needs: answers about evidence only read; schema only writes. */
const requiredMode: Partial<Record<CuratedQuery['kind'], QueryHeader['mode']>> = { evidence: 'read', graph: 'read', schema: 'write' };

/** Checks one .cypher text against its schema; returns the problems, empty when the pair is sound. */
function checkQuery(file: string, header: QueryHeader, body: string, schema: z.ZodObject): string[] {
  const problems: string[] = [];
  const expectedName = file.replace(/^.*\//, '').replace(/\.cypher$/, '');
  if (header.name !== expectedName) problems.push(`${file}: header name "${header.name}" must equal the file name "${expectedName}"`);

  const headerParams = Object.keys(header.params).sort();
  const schemaParams = Object.keys(schema.shape).sort();
  const usedParams = bodyParameters(body).sort();
  if (headerParams.join() !== schemaParams.join()) {
    problems.push(`${file}: header params [${headerParams}] differ from zod keys [${schemaParams}]`);
  }
  if (usedParams.join() !== schemaParams.join()) {
    problems.push(`${file}: body $params [${usedParams}] differ from zod keys [${schemaParams}]`);
  }
  const { labels, types } = bodyVocabulary(body);
  for (const label of labels) if (!knownLabels.has(label)) problems.push(`${file}: label :${label} is not in model.ts`);
  for (const type of types) if (!knownTypes.has(type)) problems.push(`${file}: relationship type :${type} is not in model.ts`);
  return problems;
}

function checkDefinition(file: string, header: QueryHeader, definition: CuratedQuery): string[] {
  const problems: string[] = [];
  if (definition.name !== header.name) problems.push(`${file}: its handle is named "${definition.name}", its header "${header.name}"`);
  const mode = requiredMode[definition.kind];
  if (mode && header.mode !== mode) problems.push(`${file}: a ${definition.kind} query must have "mode: ${mode}"`);
  return problems;
}

async function cypherFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.cypher'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Loads and checks every query under contract/queries/ (or `root`, for tests). Throws one error
 * listing every problem. With the real root, the typed index and the folder must also agree.
 */
export async function loadCatalogue(root = queriesRoot): Promise<Catalogue> {
  const catalogue = new Catalogue();
  const problems: string[] = [];

  for (const path of await cypherFiles(root)) {
    const file = relative(root, path);
    const text = await readFile(path, 'utf8');
    let header: QueryHeader;
    try {
      header = parseHeader(text, file);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    const handlePath = path.replace(/\.cypher$/, '.ts');
    let definition: unknown;
    try {
      definition = (await import(pathToFileURL(handlePath).href)).query;
    } catch {
      problems.push(`${file}: no zod schema beside it (${relative(root, handlePath)} exporting "query", made by evidenceQuery, recordQuery…)`);
      continue;
    }
    if (!isCuratedQuery(definition) || !(definition.params instanceof z.ZodObject)) {
      problems.push(`${file}: ${relative(root, handlePath)} must export "query", made by evidenceQuery, recordQuery… with params as a z.object`);
      continue;
    }
    const cypher = stripComments(text);
    problems.push(...checkQuery(file, header, cypher, definition.params), ...checkDefinition(file, header, definition));
    if (catalogue.has(header.name)) problems.push(`${file}: query name "${header.name}" is used twice`);
    catalogue.set(header.name, { ...header, file, cypher, schema: definition.params, definition });
  }

  if (root === queriesRoot) {
    for (const query of allQueries) {
      if (catalogue.get(query.name)?.definition !== query) problems.push(`contract/queries/index.ts: "${query.name}" has no .cypher file of its own`);
    }
    const indexed = new Set<CuratedQuery>(allQueries);
    for (const entry of catalogue.values()) {
      if (!indexed.has(entry.definition)) problems.push(`${entry.file}: missing from contract/queries/index.ts`);
    }
  }

  if (problems.length > 0) throw new CatalogueError(`The query catalogue is broken:\n- ${problems.join('\n- ')}`);
  return catalogue;
}
