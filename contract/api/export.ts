// Exports, as client and server both see them: the formats the server writes (POST /api/export/:format,
// GET /api/chain/:id/export/:format) by name, and what a client may send to be exported, a Result
// within limits the server renders in a bounded time and memory whatever the format. A Result the
// server made itself never comes near them; a submitted one is checked against them before any work.
import { z } from 'zod';
import { boundedJson, boundedText, jsonBounds, keyedBy } from '../bounded-json.ts';

export const ExportFormat = z.enum(['cytoscape', 'graphml', 'csv', 'report']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Which of the two CSV files: no zip library is installed, so each file is its own download. */
export const CsvPart = z.enum(['nodes', 'edges']);
export type CsvPart = z.infer<typeof CsvPart>;

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
  propertyKeys: jsonBounds.keys,
  /** Characters of one text value. */
  textLength: jsonBounds.textLength,
  /** Characters of an id or a property name (a stable id is at most 200). */
  idLength: 200,
} as const;

const L = exportLimits;
const text = boundedText(L.textLength);
const id = boundedText(L.idLength);
const SubmittedNode = z.object({ id, labels: z.array(id).max(10), properties: keyedBy(boundedJson) });
const SubmittedEdge = z.object({ id, type: id, source: id, target: id, properties: keyedBy(boundedJson) });
const SubmittedPath = z.object({ nodes: z.array(id).max(L.pathLinks + 1), edges: z.array(id).max(L.pathLinks), attributes: keyedBy(boundedJson) });
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
  summary: keyedBy(boundedJson).default({}),
  meta: z.object({ query: id, parameters: keyedBy(boundedJson), durationMs: z.number(), truncated: z.boolean() }),
});

export const ExportBody = z.object({ result: SubmittedResult }).strict();
