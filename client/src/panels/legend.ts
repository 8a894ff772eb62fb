// The legend: one swatch per node kind and per link strength, drawn from the same palette as the graph.
import { createElement } from '../dom.ts';
import { kindStyles, strengthColours } from '../graph/style.ts';
import type { Panel, PanelContext } from './panel.ts';

/** Drawn once, from the model's kinds (through kindStyles) and the links' palette. */
export function mountLegend(_context: PanelContext, list: HTMLUListElement): Panel {
  const kinds = Object.values(kindStyles).map((kind) => item(`legend-swatch shape-${kind.shape}`, kind.colour, kind.title));
  list.replaceChildren(
    ...kinds,
    item('legend-swatch shape-ellipse synthetic', '#ffffff', 'Synthetic record (test data)'),
    item('legend-line line-confirmed', strengthColours.confirmed, 'Confirmed link'),
    item('legend-line line-reported', strengthColours.reported, 'Reported link'),
    item('legend-line line-inferred', strengthColours.inferred, 'Inferred link'),
    item('legend-line line-weakest', strengthColours.weakest, "A chain's weakest link"),
  );
  return { dispose: () => list.replaceChildren() };
}

function item(swatchClass: string, colour: string, title: string): HTMLLIElement {
  const swatch = createElement('span', { className: swatchClass, attrs: { 'aria-hidden': 'true' } });
  // A CSS custom property set through the CSSOM: allowed under a CSP that refuses style attributes.
  swatch.style.setProperty('--swatch', colour);
  return createElement('li', {}, [swatch, createElement('span', { text: title })]);
}
