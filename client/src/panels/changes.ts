// What changed between two dates: with a date to compare set beside the as-of date, the elements that
// entered and that left the drawing are listed in words (and marked on the canvas, graph/style.ts).
import { createElement } from '../dom.ts';
import { nodeName } from '../graph/to-elements.ts';
import { timeChanges, timeView, type TimeChange } from '../workspace/time-filter.ts';
import { queryAnchors } from '../workspace/workspace-content.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';

/** Mounts on the changes section (#changes); it stays hidden while no two dates are compared. */
export function mountChanges({ workspace, inspectNode, inspectEdge }: PanelContext, section: HTMLElement): Panel {
  const lifetime = panelLifetime();
  const list = createElement('ul', { className: 'change-list', attrs: { id: 'change-list', 'aria-label': 'Entered and left' } });
  const heading = createElement('h2', { text: 'Changes between dates', attrs: { id: 'changes-title' } });
  const summary = createElement('p', { className: 'changes-summary' });
  section.replaceChildren(heading, summary, list);
  section.setAttribute('aria-labelledby', 'changes-title');
  section.hidden = true;

  const show = () => {
    const filters = workspace.filters();
    const result = workspace.result();
    if (!filters.asOf || !filters.compareWith) {
      section.hidden = true;
      list.replaceChildren();
      return;
    }
    const changes = timeChanges(result, timeView(result, filters, queryAnchors({ query: workspace.query() })));
    const entered = changes.filter((change) => change.change === 'entered').length;
    section.hidden = false;
    summary.textContent =
      changes.length === 0
        ? `Nothing drawn changed between ${filters.compareWith} and ${filters.asOf}.`
        : `From ${filters.compareWith} to ${filters.asOf}: ${entered} entered, ${changes.length - entered} left.`;
    const nodes = new Map(result.nodes.map((node) => [node.id, nodeName(node)]));
    const edges = new Map(result.edges.map((edge) => [edge.id, edge]));
    const describe = (change: TimeChange) => {
      if (change.kind === 'node') return nodes.get(change.id) ?? change.id;
      const edge = edges.get(change.id);
      const caption = String(workspace.cy.getElementById(change.id).data('caption') ?? edge?.type ?? '');
      return edge ? `${nodes.get(edge.source) ?? edge.source} ${caption} ${nodes.get(edge.target) ?? edge.target}` : change.id;
    };
    list.replaceChildren(
      ...changes.map((change) => {
        const button = createElement('button', { attrs: { type: 'button' } }, [
          createElement('span', { className: `badge change-${change.change}`, text: change.change === 'entered' ? 'entered' : 'left' }),
          createElement('span', { text: describe(change) }),
        ]);
        button.addEventListener('click', () => {
          workspace.cy.elements().unselect();
          workspace.cy.getElementById(change.id).select();
          if (change.kind === 'node') inspectNode(change.id);
          else inspectEdge(change.id);
        });
        return createElement('li', { attrs: { 'data-id': change.id, 'data-change': change.change, 'data-kind': change.kind } }, [button]);
      }),
    );
  };
  lifetime.defer(workspace.onChange(show));
  show();
  return { dispose: lifetime.dispose };
}
