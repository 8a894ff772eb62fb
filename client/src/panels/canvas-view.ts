// How the canvas is read: a link's caption on hover, a hint saying where the drawing goes on beyond the
// view (it pans rather than shrinking below a readable zoom), and the keyboard's way around the nodes.
import type cytoscape from 'cytoscape';
import { createElement } from '../dom.ts';
import { fitAll, fitReadable, keepsReadable, offscreenSides } from '../graph/readable.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';

/** Mounts on the canvas's container (#graph); the hint floats over its upper right corner. */
export function mountCanvasView({ workspace, inspectNode, inspectEdge }: PanelContext, container: HTMLElement): Panel {
  const { cy } = workspace;
  const lifetime = panelLifetime();
  const { signal } = lifetime;

  lifetime.onCanvas(cy, 'mouseover', 'edge', (event) => event.target.addClass('hover'));
  lifetime.onCanvas(cy, 'mouseout', 'edge', (event) => event.target.removeClass('hover'));

  const where = createElement('span', { className: 'canvas-hint-text' });
  const readable = createElement('button', {
    text: 'Fit readable',
    attrs: { type: 'button', 'data-action': 'fit-readable', title: 'Fit, keeping names readable (F)' },
  });
  const all = createElement('button', {
    text: 'Show all',
    attrs: { type: 'button', 'data-action': 'fit-all', title: 'Everything in view, however small (Shift+F)' },
  });
  const hint = createElement('div', { className: 'canvas-hint', attrs: { id: 'canvas-hint', role: 'note' } }, [where, readable, all]);
  hint.hidden = true;
  // Beside the canvas, not inside it: Cytoscape reads every press inside its container as a tap.
  container.after(hint);
  lifetime.defer(() => hint.remove());
  readable.addEventListener('click', () => fitReadable(cy), { signal });
  all.addEventListener('click', () => fitAll(cy), { signal });

  // Hears of the camera once it rests (the workspace's onChange), never per frame of a pan: measuring
  // the drawing costs per element. A graph too large to keep readable is fitted whole: no hint.
  const update = () => {
    if (!keepsReadable(cy)) {
      hint.hidden = true;
      return;
    }
    const sides = offscreenSides(cy);
    const directions = [sides.above && 'above', sides.below && 'below', sides.left && 'to the left', sides.right && 'to the right'].filter(Boolean);
    hint.hidden = directions.length === 0;
    hint.dataset.sides = directions.join(' ');
    where.textContent = `More ${directions.join(', ')}: drag to pan, scroll to zoom.`;
  };
  lifetime.defer(workspace.onChange(update));

  // The keyboard's way around the graph: arrows move the selection to the nearest node that way,
  // Enter shows it in the inspector (the node menu opens on the Menu key or Shift+F10, panels/explore.ts).
  container.tabIndex = 0;
  container.setAttribute('role', 'application');
  container.setAttribute('aria-roledescription', 'graph');
  container.setAttribute('aria-label', 'Graph. Arrow keys move between nodes, Enter inspects, Menu key or Shift+F10 opens the node menu.');
  container.addEventListener(
    'keydown',
    (event) => {
      const step = arrowSteps[event.key];
      const current = cy.elements(':selected').first();
      if (step) {
        event.preventDefault();
        const next = nearestNode(cy, current.nonempty() && current.isNode() ? current : null, step);
        if (!next) return;
        cy.elements().unselect();
        next.select();
        if (!isOnScreen(cy, next)) cy.center(next);
        inspectNode(next.id());
      } else if (event.key === 'Enter' && current.nonempty()) {
        event.preventDefault();
        if (current.isNode()) inspectNode(current.id());
        else inspectEdge(current.id());
      }
    },
    { signal },
  );
  return { dispose: lifetime.dispose };
}

const arrowSteps: Record<string, { x: number; y: number }> = {
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
};

/** The closest node lying mostly in `direction` from `from`; with nothing selected, the node nearest the view's centre. */
function nearestNode(cy: cytoscape.Core, from: cytoscape.NodeSingular | null, direction: { x: number; y: number }): cytoscape.NodeSingular | null {
  const nodes = cy.nodes(':visible');
  if (nodes.empty()) return null;
  const origin = from?.position() ?? {
    x: (cy.width() / 2 - cy.pan().x) / cy.zoom(),
    y: (cy.height() / 2 - cy.pan().y) / cy.zoom(),
  };
  let best: cytoscape.NodeSingular | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  nodes.forEach((node) => {
    if (from && node.same(from)) return;
    const dx = node.position().x - origin.x;
    const dy = node.position().y - origin.y;
    const along = from ? dx * direction.x + dy * direction.y : 1;
    if (along <= 0) return;
    const across = Math.abs(dx * direction.y - dy * direction.x);
    // Straight ahead counts more than off to the side.
    const score = from ? along + 2 * across : Math.hypot(dx, dy);
    if (score < bestScore) {
      bestScore = score;
      best = node;
    }
  });
  return best;
}

function isOnScreen(cy: cytoscape.Core, node: cytoscape.NodeSingular): boolean {
  const { x, y } = node.renderedPosition();
  return x >= 0 && y >= 0 && x <= cy.width() && y <= cy.height();
}
