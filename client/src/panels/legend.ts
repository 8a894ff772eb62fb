// The legend: one swatch per node kind and per link strength, drawn from the same palette as the graph (in
// the theme shown), and the marks of two dates compared.
import { createElement } from '../dom.ts';
import { kindStyles } from '../graph/style.ts';
import type { Panel, PanelContext } from './panel.ts';

/** Drawn once, from the model's kinds (through kindStyles) and the links' palette. */
export function mountLegend(_context: PanelContext, list: HTMLUListElement): Panel {
  const kinds = Object.values(kindStyles).map((kind) => item(`legend-swatch shape-${kind.shape}`, kind.colour, kind.title));
  list.replaceChildren(
    ...kinds,
    item('legend-swatch shape-ellipse synthetic', '#ffffff', 'Synthetic record (test data)'),
    // The theme's link colours (panels/theme.ts sets them): the dark legend shows the dark graph's.
    item('legend-line line-confirmed', 'var(--strength-confirmed)', 'Confirmed link'),
    item('legend-line line-reported', 'var(--strength-reported)', 'Reported link'),
    item('legend-line line-inferred', 'var(--strength-inferred)', 'Inferred link'),
    item('legend-line line-weakest', 'var(--strength-weakest)', "A chain's weakest link"),
    item('legend-halo entered', '#009e73', 'Entered between two dates compared'),
    item('legend-halo left', '#d55e00', 'Left between two dates compared'),
  );
  return { dispose: () => list.replaceChildren() };
}

function item(swatchClass: string, colour: string, title: string): HTMLLIElement {
  const swatch = createElement('span', { className: swatchClass, attrs: { 'aria-hidden': 'true' } });
  // A CSS custom property set through the CSSOM: allowed under a CSP that refuses style attributes.
  swatch.style.setProperty('--swatch', colour);
  return createElement('li', {}, [swatch, createElement('span', { text: title })]);
}
