// Loads every curated query (a .cypher file + its .ts zod schema), checks the pair, exports the catalogue.
// The server refuses to start on a missing or malformed query: a broken catalogue is a bug, not a 500 later.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { bodyParameters, bodyVocabulary, parseHeader, stripComments, type QueryHeader } from '../../contract/queries/header.ts';
import { ENTITY_LABEL, InternalLabel, NodeLabel, RelationshipType } from '../../contract/model.ts';

export interface CatalogueEntry extends QueryHeader {
  /** Path relative to contract/queries/, e.g. chain/chain-of-command.cypher. */
  file: string;
  /** The statement as sent to Neo4j (comments stripped). */
  cypher: string;
  params: Record<string, string>;
  schema: z.ZodObject;
}

export class CatalogueError extends Error {}

/** Folders whose queries serve the app itself (views, imports, seed, schema, accounts, audit), never an analyst's question. */
const INTERNAL_FOLDERS = ['views/', 'import/', 'seed/', 'schema/', 'auth/', 'audit/'];

/** A read query over the evidence graph: the only kind served over HTTP, and the only kind a view may name. */
export function isEvidenceQuery(entry: CatalogueEntry): boolean {
  return entry.mode === 'read' && !INTERNAL_FOLDERS.some((folder) => entry.file.startsWith(folder));
}

const cypherRoot = fileURLToPath(new URL('../../contract/queries/', import.meta.url));
const knownLabels = new Set<string>([...NodeLabel.options, ...InternalLabel.options, ENTITY_LABEL]);
const knownTypes = new Set<string>(RelationshipType.options);

/** Checks one .cypher text against its schema; returns the problems, empty when the pair is sound. */
export function checkQuery(file: string, header: QueryHeader, body: string, schema: z.ZodObject): string[] {
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

async function cypherFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.cypher'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Loads and checks every query under contract/queries/ (or `root`, for tests). Throws one error listing every problem. */
export async function loadCatalogue(root = cypherRoot): Promise<Map<string, CatalogueEntry>> {
  const catalogue = new Map<string, CatalogueEntry>();
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
    const schemaPath = path.replace(/\.cypher$/, '.ts');
    let schema: unknown;
    try {
      schema = (await import(pathToFileURL(schemaPath).href)).params;
    } catch {
      problems.push(`${file}: no zod schema beside it (${relative(root, schemaPath)} exporting "params")`);
      continue;
    }
    if (!(schema instanceof z.ZodObject)) {
      problems.push(`${file}: ${relative(root, schemaPath)} must export "params" as a z.object`);
      continue;
    }
    const cypher = stripComments(text);
    problems.push(...checkQuery(file, header, cypher, schema));
    if (catalogue.has(header.name)) problems.push(`${file}: query name "${header.name}" is used twice`);
    catalogue.set(header.name, { ...header, file, cypher, schema });
  }

  if (problems.length > 0) throw new CatalogueError(`The query catalogue is broken:\n- ${problems.join('\n- ')}`);
  return catalogue;
}
