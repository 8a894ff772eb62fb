// Time on the canvas: what held on the as-of date, and, when two dates are compared, what entered and
// what left between them. Pure, over the workspace's Result, so the canvas, the changes list and the
// tests read one answer.
import { isInForce } from '../../../contract/model.ts';
import type { Result, ResultEdge, ResultNode } from '../../../contract/result.ts';
import type { WorkspaceFilters } from './workspace.ts';

export interface TimeView {
  /** Ids drawn: in force on the as-of date, or (comparing) on either date. */
  shown: ReadonlySet<string>;
  /** Comparing: in force on the as-of date but not on the other. */
  entered: ReadonlySet<string>;
  /** Comparing: in force on the other date but no longer on the as-of date; drawn apart, never as current. */
  left: ReadonlySet<string>;
}

/**
 * Which elements of `result` held on `date`. A link holds within its from/to; a node holds from its
 * own date (a directive, a sanction) and, when it has links in the answer, only while one of them
 * holds: a post held from 2016-08 draws neither the link nor the body it led to as of 2016-01.
 * `anchors` (the node a query started from) stay whatever their links, so the analyst still sees it.
 */
export function inForceOn(result: Result, date: string, anchors: ReadonlySet<string> = new Set()): Set<string> {
  const held = new Set<string>();
  const linked = new Map<string, boolean>();
  for (const edge of result.edges) {
    const holds = isInForce(edge.properties, date);
    if (holds) held.add(edge.id);
    for (const end of [edge.source, edge.target]) linked.set(end, (linked.get(end) ?? false) || holds);
  }
  for (const node of result.nodes) {
    if (!isInForce(node.properties, date)) continue;
    if (anchors.has(node.id) || linked.get(node.id) !== false) held.add(node.id);
  }
  // A link is drawn only between ends that are drawn.
  const nodesHeld = (edge: ResultEdge) => held.has(edge.source) && held.has(edge.target);
  for (const edge of result.edges) if (held.has(edge.id) && !nodesHeld(edge)) held.delete(edge.id);
  return held;
}

/** What the dates in `filters` let through, and what changed between them; null when no date is set (everything holds). */
export function timeView(result: Result, filters: WorkspaceFilters, anchors: ReadonlySet<string> = new Set()): TimeView | null {
  if (!filters.asOf) return null;
  const now = inForceOn(result, filters.asOf, anchors);
  if (!filters.compareWith || filters.compareWith === filters.asOf) return { shown: now, entered: new Set(), left: new Set() };
  const then = inForceOn(result, filters.compareWith, anchors);
  const entered = new Set([...now].filter((id) => !then.has(id)));
  const left = new Set([...then].filter((id) => !now.has(id)));
  return { shown: new Set([...now, ...then]), entered, left };
}

export interface TimeChange {
  id: string;
  kind: 'node' | 'edge';
  change: 'entered' | 'left';
}

/** The changes of a comparison as a list, nodes first, for the changes panel. */
export function timeChanges(result: Result, view: TimeView | null): TimeChange[] {
  if (!view) return [];
  const listed = (elements: readonly (ResultNode | ResultEdge)[], kind: TimeChange['kind']) =>
    elements.flatMap((element): TimeChange[] => {
      if (view.entered.has(element.id)) return [{ id: element.id, kind, change: 'entered' }];
      if (view.left.has(element.id)) return [{ id: element.id, kind, change: 'left' }];
      return [];
    });
  return [...listed(result.nodes, 'node'), ...listed(result.edges, 'edge')];
}
