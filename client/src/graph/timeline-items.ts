// The timeline query's answer as items on a time axis: each dated link (a post held, an assignment, a
// detention, a sanction, a reporting line) is one bar from its start to its end, each dated node
// (a directive issued) one point, in a row per node of the canvas. Pure, so it is unit-tested.
import { RelationshipType, relationshipCaption } from '../../../contract/model.ts';
import type { Result } from '../../../contract/result.ts';
import { nodeName } from './to-elements.ts';

export interface TimelineItem {
  /** The link's id, or `node:<id>` for a dated node: the canvas element it stands for is `elementId`. */
  id: string;
  elementId: string;
  /** The row: the canvas node whose event it is. */
  group: string;
  text: string;
  start: string;
  /** Absent: a point (a dated node, or a link with one known date). */
  end?: string;
  /** `open-ended` (no end recorded: drawn to the axis's end), `start-unknown`, `point`. */
  shape: 'range' | 'open-ended' | 'start-unknown' | 'point';
  confidence: string | null;
  synthetic: boolean;
}

export interface TimelineRow {
  id: string;
  name: string;
}

interface TimelineEvent {
  date: string;
  event: string;
  nodeId: string;
  edgeId: string | null;
}

function eventOf(attributes: Record<string, unknown>): TimelineEvent | null {
  const event = attributes.event as Record<string, unknown> | undefined;
  if (!event || typeof event.date !== 'string' || typeof event.nodeId !== 'string' || typeof event.event !== 'string') return null;
  return { date: event.date.slice(0, 10), event: event.event, nodeId: event.nodeId, edgeId: typeof event.edgeId === 'string' ? event.edgeId : null };
}

/** Items and rows from the timeline query's answer; `openEnd` is where a link still in force is drawn to. */
export function timelineItems(answer: Result, openEnd: string): { items: TimelineItem[]; rows: TimelineRow[] } {
  const names = new Map(answer.nodes.map((node) => [node.id, nodeName(node)]));
  const edges = new Map(answer.edges.map((edge) => [edge.id, edge]));
  const items = new Map<string, TimelineItem>();
  const rows = new Map<string, TimelineRow>();
  for (const path of answer.paths) {
    const event = eventOf(path.attributes);
    if (!event) continue;
    rows.set(event.nodeId, { id: event.nodeId, name: names.get(event.nodeId) ?? event.nodeId });
    if (event.edgeId === null) {
      const node = answer.nodes.find((candidate) => candidate.id === event.nodeId);
      items.set(`node:${event.nodeId}`, {
        id: `node:${event.nodeId}`,
        elementId: event.nodeId,
        group: event.nodeId,
        text: names.get(event.nodeId) ?? event.nodeId,
        start: event.date,
        shape: 'point',
        confidence: typeof node?.properties.confidence === 'string' ? node.properties.confidence : null,
        synthetic: node?.properties.synthetic === true,
      });
      continue;
    }
    const edge = edges.get(event.edgeId);
    if (!edge || items.has(edge.id)) continue;
    const { from, to, title, confidence, synthetic } = edge.properties;
    const other = edge.source === event.nodeId ? edge.target : edge.source;
    const known = RelationshipType.safeParse(edge.type);
    const caption = known.success ? relationshipCaption[known.data][edge.source === event.nodeId ? 'forward' : 'reverse'] : edge.type;
    const text = `${caption} ${names.get(other) ?? other}${typeof title === 'string' ? ` (${title})` : ''}`;
    const start = typeof from === 'string' ? from : null;
    const end = typeof to === 'string' ? to : null;
    const base = {
      id: edge.id,
      elementId: edge.id,
      group: event.nodeId,
      text,
      confidence: typeof confidence === 'string' ? confidence : null,
      synthetic: synthetic === true,
    };
    if (start && end) items.set(edge.id, { ...base, start, end, shape: 'range' });
    else if (start) items.set(edge.id, { ...base, start, end: openEnd > start ? openEnd : start, shape: 'open-ended' });
    else if (end) items.set(edge.id, { ...base, start: end, shape: 'start-unknown' });
  }
  return { items: [...items.values()], rows: [...rows.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}
