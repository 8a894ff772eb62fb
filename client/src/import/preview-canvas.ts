// The preview of an import's first rows as graph elements, on a small canvas of its own, drawn as
// the main canvas draws them; its data-nodes and data-edges say how many are drawn.
import cytoscape from 'cytoscape';
import type { ResultEdge, ResultNode } from '../../../contract/result.ts';
import { stylesheet } from '../graph/style.ts';
import { toElements } from '../graph/to-elements.ts';

let preview: cytoscape.Core | null = null;

export function drawPreview(container: HTMLElement, elements: { nodes: ResultNode[]; edges: ResultEdge[] }): void {
  preview?.destroy();
  const result = {
    ...elements,
    paths: [],
    citations: {},
    summary: {},
    meta: { query: 'import-preview', parameters: {}, durationMs: 0, truncated: false },
  };
  preview = cytoscape({ container, elements: toElements(result), style: stylesheet, layout: { name: 'breadthfirst', directed: true, padding: 10 } });
  container.dataset.nodes = String(preview.nodes().length);
  container.dataset.edges = String(preview.edges().length);
}
