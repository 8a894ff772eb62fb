// Validates a curated query's parameters, runs it, and shapes the answer: the path every route takes.
import type { Driver, Record as Neo4jRecord } from 'neo4j-driver';
import type { CatalogueEntry } from './catalogue.ts';
import type { AuditLog } from '../policy/audit-log.ts';
import type { Redactor } from '../policy/redactor.ts';
import type { Json, Result } from '../../contract/result.ts';
import { runQuery } from './run-query.ts';
import { toResult } from './to-result.ts';
import { BadInput, type FieldProblem } from '../errors.ts';

export interface QueryContext {
  driver: Driver;
  timeoutMs: number;
}

/** What routes that answer with evidence need besides the graph: the audit log and the redactor. */
export interface GuardedContext extends QueryContext {
  audit: AuditLog;
  redactor: Redactor;
}

/** Each entry's strict schema, built once: `.strict()` makes a new schema on every call. */
const strictSchemas = new WeakMap<CatalogueEntry, CatalogueEntry['schema']>();

function strictSchema(entry: CatalogueEntry): CatalogueEntry['schema'] {
  let schema = strictSchemas.get(entry);
  if (!schema) strictSchemas.set(entry, (schema = entry.schema.strict()));
  return schema;
}

/**
 * A query the server itself calls (accounts, audit, views): `params` are checked by the entry's own
 * schema (strict unless `strict` is false; a failure throws zod's error, a bug in the caller, not bad
 * input) and the run's records come back.
 */
export async function runEntry(context: QueryContext, entry: CatalogueEntry, params: Record<string, unknown>, strict = true): Promise<Neo4jRecord[]> {
  const parsed = (strict ? strictSchema(entry) : entry.schema).parse(params) as Record<string, unknown>;
  return (await runQuery(context.driver, entry, parsed, { timeoutMs: context.timeoutMs })).records;
}

/**
 * `raw` comes from the request; from here on only zod's output is used. `fieldNames` renames schema
 * keys to the names the client sent (the search box sends `q` for the `query` parameter).
 */
export async function runCatalogueQuery(
  context: QueryContext,
  entry: CatalogueEntry,
  raw: Record<string, unknown>,
  fieldNames: Record<string, string> = {},
  /** Where the parameters sit in the request body, so errors name the field as sent ("params.id"). */
  fieldPrefix = '',
): Promise<Result> {
  if (entry.mode !== 'read') throw new Error(`Query "${entry.name}" writes and is not served over HTTP`);
  // Strict: a misspelt parameter is an error, not a silently applied default.
  const parsed = strictSchema(entry).safeParse(raw);
  if (!parsed.success) {
    const problems: FieldProblem[] = BadInput.fromZod(parsed.error).errors!.map((problem) => ({
      ...problem,
      field: fieldNames[problem.field] ?? `${fieldPrefix}${problem.field}`,
    }));
    throw new BadInput(problems);
  }
  const params = parsed.data as Record<string, unknown>;
  // One row past the limit tells whether the answer was cut, without a second counting query.
  const limit = typeof params.limit === 'number' ? params.limit : null;
  const run = await runQuery(context.driver, entry, limit === null ? params : { ...params, limit: limit + 1 }, {
    timeoutMs: context.timeoutMs,
  });
  const truncated = limit !== null && run.records.length > limit;
  const records = truncated ? run.records.slice(0, limit) : run.records;
  return toResult(records, {
    query: entry.name,
    parameters: JSON.parse(JSON.stringify(params)) as Record<string, Json>,
    durationMs: Math.round(run.durationMs * 10) / 10,
    truncated,
  });
}
