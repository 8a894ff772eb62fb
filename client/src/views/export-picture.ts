// PNG and SVG of the canvas fit to be shown elsewhere: the drawing under a title and the date it was
// made, with a legend of the kinds and link strengths it uses. Drawn in the browser; nothing is uploaded.
import type cytoscape from 'cytoscape';
import { displayOf, type DisplayKind } from '../../../contract/model.ts';
import { strengthColours } from '../graph/style.ts';

export interface PictureCaption {
  title: string;
  /** "Made 2024-05-01 09:30 by xpf-explorer; as of 2018-06-30". */
  subtitle: string;
}

interface LegendEntry {
  colour: string;
  text: string;
  line: boolean;
}

/** The legend of what this drawing uses: its kinds, then the strengths of its links. */
export function legendOf(cy: cytoscape.Core): LegendEntry[] {
  const kinds = new Set<DisplayKind>();
  cy.nodes().forEach((node) => {
    const kind = node.data('kind') === 'Group' ? node.data('memberKind') : node.data('kind');
    if (typeof kind === 'string') kinds.add(kind as DisplayKind);
  });
  const strengths = new Set<string>();
  cy.edges().forEach((edge) => {
    for (const strength of ['confirmed', 'reported', 'inferred', 'weakest'] as const) if (edge.hasClass(strength)) strengths.add(strength);
  });
  const words: Record<string, string> = {
    confirmed: 'Confirmed link',
    reported: 'Reported link',
    inferred: 'Inferred link',
    weakest: "A chain's weakest link",
  };
  return [
    ...[...kinds].map((kind) => ({ colour: displayOf(kind).draw.colour, text: displayOf(kind).plural, line: false })),
    ...[...strengths].map((strength) => ({ colour: strengthColours[strength as keyof typeof strengthColours], text: words[strength]!, line: true })),
  ];
}

const pad = 24;
const headerHeight = 64;
const legendRow = 22;

export async function captionedPng(cy: cytoscape.Core, caption: PictureCaption): Promise<Blob> {
  const drawing = cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob' });
  const image = await createImageBitmap(drawing);
  const legend = legendOf(cy);
  const scale = 2;
  const width = Math.max(image.width, 900 * scale);
  const legendHeight = Math.ceil(legend.length / 4) * legendRow * scale + pad * scale;
  const canvas = document.createElement('canvas');
  canvas.width = width + 2 * pad * scale;
  canvas.height = headerHeight * scale + image.height + legendHeight + pad * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#1a1a1a';
  context.font = `bold ${20 * scale}px system-ui, sans-serif`;
  context.fillText(caption.title, pad * scale, 32 * scale);
  context.font = `${13 * scale}px system-ui, sans-serif`;
  context.fillStyle = '#555555';
  context.fillText(caption.subtitle, pad * scale, 54 * scale);
  context.drawImage(image, pad * scale + (width - image.width) / 2, headerHeight * scale);
  const top = headerHeight * scale + image.height + pad * scale;
  legend.forEach((entry, i) => {
    const x = pad * scale + (i % 4) * 220 * scale;
    const y = top + Math.floor(i / 4) * legendRow * scale;
    context.fillStyle = entry.colour;
    if (entry.line) context.fillRect(x, y + 6 * scale, 28 * scale, 4 * scale);
    else context.fillRect(x + 6 * scale, y, 16 * scale, 16 * scale);
    context.fillStyle = '#1a1a1a';
    context.font = `${13 * scale}px system-ui, sans-serif`;
    context.fillText(entry.text, x + 36 * scale, y + 13 * scale);
  });
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))), 'image/png'));
}

const svgNamespace = 'http://www.w3.org/2000/svg';

/** The canvas's SVG (cytoscape-svg) nested under a title, the date and the legend; text set as text, never as markup. */
export function captionedSvg(drawingSvg: string, cy: cytoscape.Core, caption: PictureCaption): string {
  const drawing = new DOMParser().parseFromString(drawingSvg, 'image/svg+xml').documentElement;
  const drawingWidth = Number.parseFloat(drawing.getAttribute('width') ?? '800') || 800;
  const drawingHeight = Number.parseFloat(drawing.getAttribute('height') ?? '600') || 600;
  const legend = legendOf(cy);
  const width = Math.max(drawingWidth, 900) + 2 * pad;
  const height = headerHeight + drawingHeight + Math.ceil(legend.length / 4) * legendRow + 2 * pad;
  const svg = document.createElementNS(svgNamespace, 'svg');
  const set = (element: Element, attributes: Record<string, string | number>) => {
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    return element;
  };
  const text = (content: string, attributes: Record<string, string | number>) => {
    const element = set(document.createElementNS(svgNamespace, 'text'), { 'font-family': 'system-ui, sans-serif', ...attributes });
    element.textContent = content;
    return element;
  };
  set(svg, { xmlns: svgNamespace, width, height, viewBox: `0 0 ${width} ${height}` });
  svg.append(
    set(document.createElementNS(svgNamespace, 'rect'), { width, height, fill: '#ffffff' }),
    text(caption.title, { x: pad, y: 32, 'font-size': 20, 'font-weight': 'bold', fill: '#1a1a1a' }),
    text(caption.subtitle, { x: pad, y: 54, 'font-size': 13, fill: '#555555' }),
  );
  set(drawing, { x: pad + (width - 2 * pad - drawingWidth) / 2, y: headerHeight });
  svg.append(document.importNode(drawing, true));
  const top = headerHeight + drawingHeight + pad;
  legend.forEach((entry, i) => {
    const x = pad + (i % 4) * 220;
    const y = top + Math.floor(i / 4) * legendRow;
    svg.append(
      entry.line
        ? set(document.createElementNS(svgNamespace, 'rect'), { x, y: y + 6, width: 28, height: 4, fill: entry.colour })
        : set(document.createElementNS(svgNamespace, 'rect'), { x: x + 6, y, width: 16, height: 16, fill: entry.colour }),
      text(entry.text, { x: x + 36, y: y + 13, 'font-size': 13, fill: '#1a1a1a' }),
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}
