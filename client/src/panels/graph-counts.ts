// How much is on the canvas, and how much the analyst hid: next to the status, always current.
import type { Panel, PanelContext } from './panel.ts';

export function mountGraphCounts({ workspace }: PanelContext, element: HTMLElement): Panel {
  const show = () => {
    const { cy } = workspace;
    const nodes = cy.nodes().length;
    const links = cy.edges().length;
    const hidden = workspace.hiddenIds().length;
    element.dataset.nodes = String(nodes);
    element.dataset.edges = String(links);
    element.textContent = `${nodes} ${nodes === 1 ? 'node' : 'nodes'}, ${links} ${links === 1 ? 'link' : 'links'} drawn${hidden > 0 ? ` · ${hidden} hidden` : ''}`;
  };
  const unsubscribe = workspace.onChange(show);
  show();
  return { dispose: unsubscribe };
}
