// Turns a Result into Cytoscape elements: pure, so it runs headless in tests and the stylesheet needs only classes and data.
import type { ElementDefinition } from 'cytoscape';
import { Confidence, displayOf, RelationshipType, kindOf, relationshipCaption, type DisplayKind } from '../../../contract/model.ts';
import type { Result, ResultEdge, ResultNode } from '../../../contract/result.ts';
import { captionFontSize } from './style.ts';
import { edgeConfidences, weakerLinkOf } from './weakest-link.ts';
import { HYPOTHESIS_EDGE_TYPE } from '../../../contract/api/notes.ts';

export interface NodeData {
  id: string;
  label: string;
  kind: DisplayKind;
  synthetic: boolean;
  /** Null for nodes that are their own evidence (documents). */
  confidence: Confidence | null;
}

export interface EdgeData {
  id: string;
  /** Drawn direction: on a chain, the lower node of the path; otherwise the stored source. */
  source: string;
  target: string;
  type: string;
  /** What the edge says read from `source` to `target` as drawn. */
  caption: string;
  /** True when drawn against its stored direction (e.g. OPERATES climbed from facility to operator). */
  reversed: boolean;
  /** How far left of the link's midpoint the caption's centre goes, so the caption sits beside the link, not on it. */
  captionShift: number;
  synthetic: boolean;
  confidence: Confidence | null;
}

export function toElements(result: Result): ElementDefinition[] {
  const nodes = new Map(result.nodes.map((node) => [node.id, node]));
  const traversal = traversalDirections(result);
  // Marked only where a chain has a link weaker than the rest: an all-confirmed chain has no weak link.
  const confidenceOfEdge = edgeConfidences(result);
  const weakest = new Set(result.paths.map((path) => weakerLinkOf(path, confidenceOfEdge)).filter((id) => id !== null));
  // Captioned: the links of chains and of paths of several hops. An expansion's one-hop paths are
  // not read as a path: a hundred "detained at" around a facility would only cover each other.
  const onPath = new Set(result.paths.filter((path) => path.edges.length > 1 || path.attributes.strength !== undefined).flatMap((path) => path.edges));

  const nodeElements = [...nodes.values()].map(toNodeElement);
  const edgeElements = uniqueById(result.edges)
    // An edge whose end is not in the answer cannot be drawn; Cytoscape would refuse the whole add.
    .filter((edge) => nodes.has(edge.source) && nodes.has(edge.target))
    .map((edge) => toEdgeElement(edge, traversal.get(edge.id), weakest.has(edge.id), onPath.has(edge.id)));
  return [...nodeElements, ...edgeElements];
}

function toNodeElement(node: ResultNode): ElementDefinition {
  const kind = kindOf(node.labels);
  const name = nodeName(node);
  const redacted = node.properties.redacted === true;
  const data: NodeData = {
    id: node.id,
    // The server sent a pseudonym in place of a withheld name: the label must not pass it off as one.
    label: redacted ? `${name} (redacted)` : name,
    kind,
    synthetic: node.properties.synthetic === true,
    confidence: confidenceOf(node.properties.confidence),
  };
  // The kind's class as the model's kind record names it, the one style.ts draws.
  const kindClass = displayOf(kind).draw.className;
  return { group: 'nodes', data, classes: [kindClass, ...provenanceClasses(data), ...(redacted ? ['redacted'] : [])] };
}

function toEdgeElement(edge: ResultEdge, drawn: Traversal | undefined, isWeakest: boolean, isOnPath: boolean): ElementDefinition {
  const reversed = drawn !== undefined && drawn.lower !== edge.source;
  const caption = captionOf(edge.type, reversed);
  const hypothesis = edge.type === HYPOTHESIS_EDGE_TYPE;
  const data: EdgeData = {
    id: edge.id,
    source: reversed ? edge.target : edge.source,
    target: reversed ? edge.source : edge.target,
    type: edge.type,
    // Named as what it is on the canvas too: an analyst's hypothesis, never a recorded link.
    caption: hypothesis ? `hypothesis: ${typeof edge.properties.caption === 'string' ? edge.properties.caption : 'unnamed'}` : caption,
    reversed,
    captionShift: -(estimatedCaptionWidth(caption) / 2 + captionGap),
    synthetic: edge.properties.synthetic === true,
    confidence: confidenceOf(edge.properties.confidence),
  };
  const classes = [
    ...provenanceClasses(data),
    ...(data.confidence ? [data.confidence] : []),
    ...(isWeakest ? ['weakest'] : []),
    ...(isOnPath ? ['on-path'] : []),
    ...(hypothesis ? ['hypothesis'] : []),
  ];
  return { group: 'edges', data, classes };
}

/** The node's name, or its id when it has none: how every panel names a node. */
export function nodeName(node: ResultNode): string {
  return typeof node.properties.name === 'string' ? node.properties.name : node.id;
}

export function captionOf(type: string, reversed: boolean): string {
  const known = RelationshipType.safeParse(type);
  if (!known.success) return type;
  const caption = relationshipCaption[known.data];
  return reversed ? caption.reverse : caption.forward;
}

/** Room between a link and its caption, in model pixels. */
const captionGap = 6;

/**
 * A caption's width in model pixels, from its length: system sans-serif averages about 0.56 em a
 * character. Measuring the text would need a canvas, which headless tests and workers lack.
 */
export function estimatedCaptionWidth(caption: string): number {
  return Math.ceil(caption.length * 0.56 * captionFontSize);
}

interface Traversal {
  lower: string;
  upper: string;
}

/** Edge id -> the ends as a chain climbs it; the first path to cross an edge decides how it is drawn. */
function traversalDirections(result: Result): Map<string, Traversal> {
  const directions = new Map<string, Traversal>();
  for (const path of result.paths) {
    path.edges.forEach((edgeId, i) => {
      const lower = path.nodes[i];
      const upper = path.nodes[i + 1];
      if (lower === undefined || upper === undefined || directions.has(edgeId)) return;
      directions.set(edgeId, { lower, upper });
    });
  }
  return directions;
}

function provenanceClasses(data: { synthetic: boolean; confidence: Confidence | null }): string[] {
  return [...(data.synthetic ? ['synthetic'] : []), ...(data.confidence && data.confidence !== 'confirmed' ? ['weak'] : [])];
}

function confidenceOf(value: unknown): Confidence | null {
  const parsed = Confidence.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The same relationship may come back once per path; Cytoscape ids must be unique. */
function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}
