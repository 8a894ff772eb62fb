// The saved-view document (what a view keeps, version by version), its older shapes, and upgradeView.
import { z } from 'zod';
import { Confidence, NodeLabel, StableId } from '../model.ts';
import { boundedJson, keyedBy } from '../bounded-json.ts';
import { MAX_VIEW_EDGES, MAX_VIEW_NODES, MAX_VIEW_VERSIONS } from '../queries/views/ceilings.ts';

export const VIEW_SCHEMA_VERSION = 1;

const Point = z.strictObject({ x: z.number(), y: z.number() });

/** SHA-256 of an element's canonical form, base64url (server/views/fingerprint.ts). */
export const Fingerprint = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a fingerprint computed by the server');

/** The curated query that drew the view, by catalogue name, with the parameters as its zod schema names them. */
export const ViewQuery = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a query name of the catalogue')
    .max(100, 'must be at most 100 characters'),
  /** As sent, before zod's transforms: the search's text, not the Lucene query made of it. Bounded: it is kept in the graph. */
  parameters: keyedBy(boundedJson),
});
export type ViewQuery = z.infer<typeof ViewQuery>;

function uniqueIds(max: number, noun: string) {
  return z
    .array(StableId)
    .max(max, `a view holds at most ${max} ${noun}`)
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((id, index) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [index], message: `repeats the id "${id}"` });
        seen.add(id);
      });
    });
}

/** Our stable ids (never Neo4j's elementId), so a view survives a reload of the database. */
export const ViewElements = z.strictObject({
  nodes: uniqueIds(MAX_VIEW_NODES, 'nodes'),
  edges: uniqueIds(MAX_VIEW_EDGES, 'edges'),
});
export type ViewElements = z.infer<typeof ViewElements>;

/** What the client showed of the result. Absent means "no filter": everything the query returned. */
export const ViewFilters = z.strictObject({
  /** Node kinds shown. */
  labels: z.array(NodeLabel).optional(),
  /** Confidence levels shown. */
  confidence: z.array(Confidence).optional(),
  /** False hides synthetic (generated) records. */
  synthetic: z.boolean().optional(),
  /** The as-of slider: only links in force on this date. Usually also the query's `asOf`. */
  asOf: z.iso.date().optional(),
  /** A second date to compare with `asOf`: what entered and what left between the two is marked and listed. */
  compareWith: z.iso.date().optional(),
});
export type ViewFilters = z.infer<typeof ViewFilters>;

/** Cytoscape's `zoom` and `pan` (cy.json()), enough to put the camera back where it was. */
export const Viewport = z.strictObject({ zoom: z.number().positive(), pan: Point });

/**
 * The graph as it was when the version was saved: a fingerprint per element that existed then.
 * Computed by the server from the graph, never taken from a client (imports keep the file's).
 */
export const Snapshot = z.strictObject({
  nodes: z.record(StableId, Fingerprint),
  edges: z.record(StableId, Fingerprint),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** The fields a client writes; the server adds `schemaVersion` and `snapshot`. */
const contentShape = {
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  notes: z.string().max(10_000, 'must be at most 10,000 characters').default(''),
  /** Null when the view was assembled by hand (expansions, pins), not drawn by one query. */
  query: ViewQuery.nullable(),
  elements: ViewElements,
  /** Node id -> model position. Nodes without one are placed by the layout. */
  positions: z.record(StableId, Point),
  /** A named preset of client/src/graph/layouts.ts, or `preset` to use the positions as saved. */
  layout: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'must be a layout name')
    .max(50, 'must be at most 50 characters'),
  filters: ViewFilters.default({}),
  viewport: Viewport,
};

/** Positions belong to the view's nodes: a position for anything else is a client bug worth naming. */
function checkPositions(view: { elements: ViewElements; positions: Record<string, unknown> }, ctx: z.RefinementCtx): void {
  const nodes = new Set(view.elements.nodes);
  for (const id of Object.keys(view.positions)) {
    if (!nodes.has(id)) ctx.addIssue({ code: 'custom', path: ['positions', id], message: 'is not a node of the view' });
  }
}

/** A create or a new version as the client sends it (POST / PUT body, less `baseVersion`). */
export const ViewContent = z.strictObject({ schemaVersion: z.literal(VIEW_SCHEMA_VERSION).optional(), ...contentShape }).superRefine(checkPositions);
export type ViewContent = z.infer<typeof ViewContent>;

/** A new version as the client sends it (PUT body): the content plus the version it was based on. */
export const ViewUpdate = z
  .strictObject({
    /** The version the analyst opened: the save is refused (409) if someone saved another since. */
    baseVersion: z
      .number()
      .int()
      .min(1)
      .max(MAX_VIEW_VERSIONS - 1, `the view has reached ${MAX_VIEW_VERSIONS} versions: export it and import the file as a new view`),
    schemaVersion: z.literal(VIEW_SCHEMA_VERSION).optional(),
    ...contentShape,
  })
  .superRefine(checkPositions);
export type ViewUpdate = z.infer<typeof ViewUpdate>;

/** One version as stored (a JSON string on its `_ViewVersion`) and exported. */
export const ViewDocument = z.strictObject({ schemaVersion: z.literal(VIEW_SCHEMA_VERSION), ...contentShape, snapshot: Snapshot }).superRefine(checkPositions);
export type ViewDocument = z.infer<typeof ViewDocument>;

/**
 * Version 0, the first drafts: no layout (every view was redrawn from its positions), no filters
 * (only a top-level as-of date), no snapshot (so no way to tell what changed). `schemaVersion` may be
 * missing. Kept loose (unknown keys dropped): it only has to be read, never written again.
 */
const ViewDocumentV0 = z.object({
  schemaVersion: z.literal(0).optional(),
  title: contentShape.title,
  notes: z.string().optional(),
  query: ViewQuery.nullable().optional(),
  elements: ViewElements,
  positions: z.record(StableId, Point).default({}),
  viewport: Viewport,
  asOf: z.iso.date().optional(),
  /** A second date to compare with `asOf`: what entered and what left between the two is marked and listed. */
  compareWith: z.iso.date().optional(),
});

/** One step per version: step[n] takes a version-n document to version n + 1. */
const upgradeSteps: Record<number, (document: unknown) => unknown> = {
  0: (document) => {
    const v0 = ViewDocumentV0.parse(document);
    return {
      schemaVersion: 1,
      title: v0.title,
      notes: v0.notes ?? '',
      query: v0.query ?? null,
      elements: v0.elements,
      positions: v0.positions,
      layout: 'preset',
      filters: v0.asOf ? { asOf: v0.asOf } : {},
      viewport: v0.viewport,
      // Nothing was fingerprinted: reopening says these elements cannot be checked, not that they changed.
      snapshot: { nodes: {}, edges: {} },
    };
  },
};

function schemaVersionOf(document: unknown): number {
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    throw new z.ZodError([{ code: 'custom', path: [], message: 'must be a view document (a JSON object)', input: document }]);
  }
  const version = (document as { schemaVersion?: unknown }).schemaVersion;
  if (version === undefined) return 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new z.ZodError([{ code: 'custom', path: ['schemaVersion'], message: 'must be a whole number', input: version }]);
  }
  if (version > VIEW_SCHEMA_VERSION) {
    throw new z.ZodError([
      {
        code: 'custom',
        path: ['schemaVersion'],
        message: `${version} is newer than this server reads (${VIEW_SCHEMA_VERSION}): update it first`,
        input: version,
      },
    ]);
  }
  return version;
}

/**
 * Any document this app ever wrote -> the current shape, one step per version, each step reading
 * exactly the shape before it. Throws a ZodError naming the first bad field.
 */
export function upgradeView(document: unknown): ViewDocument {
  let current = document;
  for (let version = schemaVersionOf(document); version < VIEW_SCHEMA_VERSION; version++) {
    const step = upgradeSteps[version];
    if (!step) throw new Error(`No upgrade step from view schemaVersion ${version}`);
    current = step(current);
  }
  return ViewDocument.parse(current);
}
