// The Cytoscape stylesheet: styles classes and data only, never ids, so the same look follows any answer.
import type cytoscape from 'cytoscape';
import type { Css, StylesheetJson } from 'cytoscape';
import { displayOf, NodeLabel, type DisplayKind } from '../../../contract/model.ts';

export interface KindStyle {
  /** The class toElements gives nodes of this kind. */
  className: string;
  /** Shown in the legend. */
  title: string;
  shape: Css.NodeShape;
  colour: string;
}

/** Each shown kind's drawing, read off the model's kind records (contract/model/node-kinds.ts). */
export const kindStyles = Object.fromEntries(
  [...NodeLabel.options, 'Unknown' as const].map((kind) => {
    const { title, draw } = displayOf(kind);
    return [kind, { className: draw.className, title, shape: draw.shape, colour: draw.colour }];
  }),
) as Record<DisplayKind, KindStyle>;

export type Theme = 'light' | 'dark';

/**
 * Edge colours by the edge's own confidence; the weakest link of a chain overrides them. The dark
 * theme's are lighter of the same hues: the light theme's navy and purple vanish on a dark canvas.
 */
export const strengthColoursByTheme = {
  light: { confirmed: '#1f4e79', reported: '#8a6d00', inferred: '#b03a2e', weakest: '#6a1b9a', hypothesis: '#00796b' },
  dark: { confirmed: '#7fb3e6', reported: '#e0b84c', inferred: '#ff8a80', weakest: '#c9a0ff', hypothesis: '#4db6ac' },
} as const satisfies Record<Theme, Record<string, string>>;

export const strengthColours = strengthColoursByTheme.light;

/** Text and outlines, and the halo behind labels, per theme: the kinds' colours read on both. */
const themeInks: Record<Theme, { ink: string; paper: string }> = {
  light: { ink: '#1a1a1a', paper: '#ffffff' },
  dark: { ink: '#e8e8e8', paper: '#1b1d21' },
};

/**
 * Label sizes in model pixels. The view never zooms a graph of up to `readableUpToNodes` nodes below
 * readable.ts's zoom, at which the smaller of the two is drawn at 11 screen pixels.
 */
export const nodeFontSize = 13;
export const captionFontSize = 12;

/**
 * Below this on-screen size labels are hidden, so a graph the analyst zoomed far out stays a shape,
 * not a smear of text. Under the readable zoom's 11 px, so a view the page chose always shows them.
 */
export const minZoomedFontSize = 7;

const kindBlocks: StylesheetJson = Object.values(kindStyles).map((kind) => ({
  selector: `node.${kind.className}`,
  style: { shape: kind.shape, 'background-color': kind.colour },
}));

export function stylesheetFor(theme: Theme): StylesheetJson {
  const { ink, paper } = themeInks[theme];
  const strengthColours = strengthColoursByTheme[theme];
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 30,
        height: 30,
        'border-width': 1,
        'border-color': ink,
        color: ink,
        'font-size': nodeFontSize,
        // Beside the node, not under it: a link climbing into the node's bottom never runs through its
        // name, and a chain's ranks stay one line of text apart.
        'text-halign': 'right',
        'text-valign': 'center',
        'text-margin-x': 5,
        'text-wrap': 'wrap',
        'text-max-width': '170px',
        'text-background-color': paper,
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'min-zoomed-font-size': minZoomedFontSize,
      },
    },
    ...kindBlocks,
    // Synthetic records are test data, never evidence: dashed and pale so no one mistakes them in a screenshot.
    { selector: 'node.synthetic', style: { 'border-style': 'dashed', 'border-width': 3, 'background-opacity': 0.55 } },
    { selector: 'node.weak', style: { 'border-style': 'double', 'border-width': 4 } },
    { selector: 'node.synthetic.weak', style: { 'border-style': 'dashed' } },
    // Photos (client/src/panels/photos.ts sets `photo` only for photos this account may see): the image
    // fills the node; the border, dashed on synthetic records, stays on top as their marker.
    { selector: 'node[photo]', style: { 'background-image': 'data(photo)', 'background-fit': 'cover', 'background-image-opacity': 1 } },
    {
      selector: 'edge',
      style: {
        // Captions only where they are read (below): dozens of captions on a neighbourhood cover each other and the links.
        label: '',
        width: 2,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'line-color': strengthColours.confirmed,
        'target-arrow-color': strengthColours.confirmed,
        color: ink,
        'font-size': captionFontSize,
        // Level and beside the link (toElements measures the shift), so the caption never hides the link's colour.
        'text-rotation': 'none',
        'text-margin-x': (edge: cytoscape.EdgeSingular) => Number(edge.data('captionShift') ?? 0),
        // Above or below when the side of the link is taken (graph/caption-placement.ts).
        'text-margin-y': (edge: cytoscape.EdgeSingular) => Number(edge.data('captionLift') ?? 0),
        'text-background-color': paper,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': minZoomedFontSize,
      },
    },
    // A chain's or a path's links are what the analyst reads: captioned; any other link on hover or selection.
    { selector: 'edge.on-path, edge.hover, edge:selected', style: { label: 'data(caption)' } },
    { selector: 'edge.confirmed', style: { width: 3 } },
    { selector: 'edge.reported', style: { 'line-color': strengthColours.reported, 'target-arrow-color': strengthColours.reported } },
    // Dotted as well as red: the weakest kind of link must read without colour.
    {
      selector: 'edge.inferred',
      style: { 'line-color': strengthColours.inferred, 'target-arrow-color': strengthColours.inferred, 'line-style': 'dotted' },
    },
    { selector: 'edge.synthetic', style: { 'line-opacity': 0.6 } },
    // Withheld from this account: the pseudonym is shown in italics and the label says so.
    { selector: 'node.redacted', style: { 'font-style': 'italic', 'background-blacken': 0.35 } },
    {
      selector: 'edge.weakest',
      style: {
        width: 6,
        'line-style': 'dashed',
        'line-color': strengthColours.weakest,
        'target-arrow-color': strengthColours.weakest,
        'font-weight': 'bold',
      },
    },
    // An analyst's hypothesis link: dashed in long open dashes, in its own colour, its label in
    // italics and starting "hypothesis:". After the weakest link's look, which it always is on a chain.
    {
      selector: 'edge.hypothesis',
      style: {
        width: 3,
        'line-style': 'dashed',
        'line-dash-pattern': [14, 10],
        'line-color': strengthColours.hypothesis,
        'target-arrow-color': strengthColours.hypothesis,
        'target-arrow-shape': 'vee',
        'font-style': 'italic',
        'font-weight': 'normal',
      },
    },
    // What changed since a saved view's version: drawn over the kind's own look, never replacing it.
    { selector: 'node.changed-added', style: { 'underlay-color': '#009e73', 'underlay-opacity': 0.35, 'underlay-padding': 8 } },
    { selector: 'node.changed-changed', style: { 'underlay-color': '#e69f00', 'underlay-opacity': 0.45, 'underlay-padding': 8 } },
    { selector: 'edge.changed-added', style: { 'underlay-color': '#009e73', 'underlay-opacity': 0.35, 'underlay-padding': 5 } },
    { selector: 'edge.changed-changed', style: { 'underlay-color': '#e69f00', 'underlay-opacity': 0.45, 'underlay-padding': 5 } },
    // Many like nodes folded into one (graph/grouping.ts): larger, doubled border, its count in bold; a click opens it.
    {
      selector: 'node.group',
      style: { width: 56, height: 56, 'border-width': 4, 'border-style': 'double', 'font-weight': 'bold', 'font-size': 13 },
    },
    { selector: 'edge.group-link', style: { width: 4, 'line-style': 'solid' } },
    // Two dates compared (workspace/time-filter.ts): what entered is haloed green; what left is haloed
    // vermilion and drawn faint, so it never passes for what holds on the as-of date.
    { selector: 'node.entered', style: { 'underlay-color': '#009e73', 'underlay-opacity': 0.5, 'underlay-padding': 9 } },
    { selector: 'edge.entered', style: { 'underlay-color': '#009e73', 'underlay-opacity': 0.5, 'underlay-padding': 6 } },
    {
      selector: 'node.left',
      style: { 'underlay-color': '#d55e00', 'underlay-opacity': 0.5, 'underlay-padding': 9, 'background-opacity': 0.35, 'border-style': 'dotted' },
    },
    { selector: 'edge.left', style: { 'underlay-color': '#d55e00', 'underlay-opacity': 0.5, 'underlay-padding': 6, 'line-opacity': 0.45 } },
    // A chain picked in the list stands out; the rest fade but stay visible for context.
    { selector: '.faded', style: { opacity: 0.2 } },
    { selector: 'node:selected', style: { 'overlay-color': strengthColours.confirmed, 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: 'edge:selected', style: { 'overlay-color': strengthColours.confirmed, 'overlay-opacity': 0.25, 'overlay-padding': 4 } },
  ];
}

export const stylesheet: StylesheetJson = stylesheetFor('light');
