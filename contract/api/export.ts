// What a client may send to be exported (POST /api/export/:format): a Result within limits the server
// renders in a bounded time and memory, whatever the format. A Result the server made itself never
// comes near them; a submitted one is checked against them before any work is done on it.
import { z } from 'zod';
import type { Json } from '../result.ts';

export const exportLimits = {
  /** The request body. */
  bodyBytes: 10 * 1024 * 1024,
  /** Nesting of the whole body (`{"result": {"nodes": [{"properties": {...` is five levels). */
  nesting: 16,
  /** Nodes and relationships together: as many as the explorer draws on one canvas. */
  elements: 20_000,
  paths: 2_000,
  /** Links in all paths together: each is a numbered item of the evidence report. */
  pathLinks: 20_000,
  citations: 10_000,
  /** Keys of one element's properties, of the summary, of the parameters. */
  propertyKeys: 100,
  /** Items of one list value. */
  listItems: 1_000,
  /** Characters of one text value. */
  textLength: 20_000,
  /** Characters of an id or a property name (a stable id is at most 200). */
  idLength: 200,
} as const;

const L = exportLimits;
const text = z.string().max(L.textLength, `must be at most ${L.textLength.toLocaleString('en')} characters`);
const id = z.string().max(L.idLength, `must be at most ${L.idLength} characters`);

function keyedBy<V extends z.ZodType>(value: V, maxKeys: number = L.propertyKeys) {
  return z.record(id, value).refine((record) => Object.keys(record).length <= maxKeys, `must have at most ${maxKeys.toLocaleString('en')} keys`);
}

/** A property value: JSON whose texts, lists and maps are bounded (its nesting is bounded by the body's). */
export const BoundedJson: z.ZodType<Json> = z.lazy(() =>
  z.union([text, z.number(), z.boolean(), z.null(), z.array(BoundedJson).max(L.listItems, `must have at most ${L.listItems} items`), keyedBy(BoundedJson)]),
);

const SubmittedNode = z.object({ id, labels: z.array(id).max(10), properties: keyedBy(BoundedJson) });
const SubmittedEdge = z.object({ id, type: id, source: id, target: id, properties: keyedBy(BoundedJson) });
const SubmittedPath = z.object({ nodes: z.array(id).max(L.pathLinks + 1), edges: z.array(id).max(L.pathLinks), attributes: keyedBy(BoundedJson) });
const SubmittedCitation = z.object({
  id,
  name: text,
  publisher: text.optional(),
  date: text.optional(),
  url: text.optional(),
  collection: text.optional(),
});

/** A Result as a client submits it: the shape of contract/result.ts `Result`, every part bounded. */
export const SubmittedResult = z.object({
  nodes: z.array(SubmittedNode).max(L.elements),
  edges: z.array(SubmittedEdge).max(L.elements),
  paths: z
    .array(SubmittedPath)
    .max(L.paths, `must have at most ${L.paths.toLocaleString('en')} paths`)
    .refine(
      (paths) => paths.reduce((links, path) => links + path.edges.length, 0) <= L.pathLinks,
      `must have at most ${L.pathLinks.toLocaleString('en')} links in all`,
    ),
  citations: keyedBy(SubmittedCitation, L.citations),
  summary: keyedBy(BoundedJson).default({}),
  meta: z.object({ query: id, parameters: keyedBy(BoundedJson), durationMs: z.number(), truncated: z.boolean() }),
});

export const ExportBody = z.object({ result: SubmittedResult }).strict();
