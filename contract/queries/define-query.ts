// How a curated query is declared: its name (a literal, so a rename fails the type check), its
// parameters as zod, and what it answers with. The Cypher text sits beside it in <name>.cypher.
import type { z } from 'zod';

/**
 * What of a Result a redacted reader (a viewer; everyone under REDACT=1) receives besides the withheld
 * graph, by allow-list: the parameters echoed back in `meta` (never free text such as a searched
 * name, which would reach whoever opens a view saved from it) and the scalar columns (the summary
 * and the paths' attributes). Whatever is not named here is withheld (server/policy/withhold.ts).
 */
export interface Disclosed<Params extends z.ZodObject = z.ZodObject> {
  readonly parameters: readonly (keyof z.input<Params> & string)[];
  readonly columns: readonly string[];
}

/** A question about the evidence: read-only, served over HTTP, answered as one Result. */
export interface EvidenceQuery<Name extends string = string, Params extends z.ZodObject = z.ZodObject> {
  readonly kind: 'evidence';
  readonly name: Name;
  readonly params: Params;
  readonly disclosed: Disclosed<Params>;
}

/** Evidence the app reads for itself (a saved view's elements): answered as a Result, never served by name. */
export interface GraphQuery<Name extends string = string, Params extends z.ZodObject = z.ZodObject> {
  readonly kind: 'graph';
  readonly name: Name;
  readonly params: Params;
  readonly disclosed: Disclosed<Params>;
}

/** The app's own records (accounts, views, audit, imports) or a write: each row parsed by `row`. */
export interface RecordQuery<Name extends string = string, Params extends z.ZodObject = z.ZodObject, Row extends z.ZodType = z.ZodType> {
  readonly kind: 'records';
  readonly name: Name;
  readonly params: Params;
  readonly row: Row;
  /**
   * Run only by work no request waits for (the seed, and an import's writes in its background job):
   * planned after "Ready" rather than before it, so the start waits only for plans a request may need.
   */
  readonly background?: true;
  /**
   * false: never run nor planned by the warm-up: its effect is outside its transaction (settle-statistics
   * empties Neo4j's query cache), so a rolled-back rehearsal of it would undo the warm-up.
   * 'plan': planned by EXPLAIN, never run: it reads the whole store whatever its parameters (touch-store
   * reads the store on purpose, once, after the plans). Run with samples, such a query took the 10m
   * warm-up 10 to 27 s.
   */
  readonly warm?: false | 'plan';
}

/** Schema statements (constraints, indexes), each run on its own: they cannot share a transaction. */
export interface SchemaQuery<Name extends string = string, Params extends z.ZodObject = z.ZodObject> {
  readonly kind: 'schema';
  readonly name: Name;
  readonly params: Params;
}

export type CuratedQuery = EvidenceQuery | GraphQuery | RecordQuery | SchemaQuery;
/** Queries whose answer is built into a Result from paths, nodes and relationships. */
export type ResultQuery = EvidenceQuery | GraphQuery;

export function evidenceQuery<const Name extends string, Params extends z.ZodObject>(definition: {
  name: Name;
  params: Params;
  disclosed: Disclosed<Params>;
}): EvidenceQuery<Name, Params> {
  return { kind: 'evidence', ...definition };
}

export function graphQuery<const Name extends string, Params extends z.ZodObject>(definition: {
  name: Name;
  params: Params;
  disclosed: Disclosed<Params>;
}): GraphQuery<Name, Params> {
  return { kind: 'graph', ...definition };
}

export function recordQuery<const Name extends string, Params extends z.ZodObject, Row extends z.ZodType>(definition: {
  name: Name;
  params: Params;
  row: Row;
  background?: true;
  warm?: false | 'plan';
}): RecordQuery<Name, Params, Row> {
  return { kind: 'records', ...definition };
}

export function schemaQuery<const Name extends string, Params extends z.ZodObject>(definition: { name: Name; params: Params }): SchemaQuery<Name, Params> {
  return { kind: 'schema', ...definition };
}

/** What a caller passes (before zod's defaults and transforms). */
export type ParamsOf<Q extends CuratedQuery> = z.input<Q['params']>;
/** What a record query's rows are once parsed. */
export type RowOf<Q extends RecordQuery> = z.output<Q['row']>;

export function isCuratedQuery(value: unknown): value is CuratedQuery {
  const candidate = value as Partial<CuratedQuery> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.name === 'string' &&
    ['evidence', 'graph', 'records', 'schema'].includes(candidate.kind as string) &&
    typeof (candidate.params as { shape?: unknown } | undefined)?.shape === 'object'
  );
}
