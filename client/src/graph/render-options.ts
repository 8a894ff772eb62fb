// How Cytoscape draws: its WebGL renderer for large answers, the canvas renderer for the small ones an
// analyst reads link by link, and the viewport shortcuts that keep panning smooth on large graphs.
import type cytoscape from 'cytoscape';
import type { StylesheetJson } from 'cytoscape';

/**
 * From this many elements (nodes + edges) the WebGL renderer draws. Below it the canvas renderer is
 * fast enough and draws every style: Cytoscape 3.34's WebGL renderer ignores `line-style`, so the
 * dotted (inferred) and dashed (weakest) links of a chain would look solid.
 */
export const webglFromElements = 2_000;

/** From this many elements the viewport shortcuts below are worth their flicker while panning. */
export const largeFromElements = 1_000;

/**
 * From this many elements the canvas renderer draws the plain overlay below: far beyond a chain of
 * command (tens of elements), where an analyst reads the shape and clicks for detail.
 */
export const plainFromElements = 2_000;

/** From this many elements edges are left out while the view moves: even straight lines are too many to redraw. */
export const hideEdgesWhileMovingFromElements = 10_000;

export type RendererName = 'webgl' | 'canvas';

/** The rendering hints of cytoscape's options (it reads them at the top level as well as under `renderer`). */
export type RenderOptions = Pick<
  cytoscape.CytoscapeOptions,
  'textureOnViewport' | 'hideEdgesOnViewport' | 'hideLabelsOnViewport' | 'pixelRatio' | 'motionBlur'
> & {
  renderer: { name: 'canvas'; webgl: boolean; webglTexSize?: number; webglBatchSize?: number; webglTexPerBatch?: number };
};

export interface RenderChoice {
  renderer: RendererName;
  options: RenderOptions;
}

/**
 * Picks the renderer and viewport shortcuts for an answer of `elementCount` elements. Pure, so the
 * choice is unit-tested; `webglAvailable` comes from `canUseWebgl()` in the page.
 */
export function chooseRendering(elementCount: number, webglAvailable: boolean): RenderChoice {
  const large = elementCount >= largeFromElements;
  if (webglAvailable && elementCount >= webglFromElements) {
    return {
      renderer: 'webgl',
      options: {
        renderer: {
          name: 'canvas',
          webgl: true,
          // 4096² atlases hold the labels of thousands of nodes in few textures (Cytoscape caps it at the GPU's maximum).
          webglTexSize: 4096,
          // Instances per draw call; larger batches mean fewer calls for 20k elements (Cytoscape's ceiling is 16384).
          webglBatchSize: 4096,
          // Textures bound per batch; Cytoscape lowers it to what the GPU allows.
          webglTexPerBatch: 16,
        },
        // The GPU redraws every frame cheaply; a bitmap of the viewport would only blur while panning.
        textureOnViewport: false,
        hideEdgesOnViewport: false,
        // Labels are the atlas uploads that cost most when thousands come into view at once.
        hideLabelsOnViewport: true,
        // One device pixel per CSS pixel: on a 2x screen that is a quarter of the fragments to shade.
        pixelRatio: 1,
        motionBlur: false,
      },
    };
  }
  return {
    renderer: 'canvas',
    options: {
      renderer: { name: 'canvas', webgl: false },
      // The canvas renderer redraws every element per frame; above ~1k elements pan a bitmap of the viewport instead.
      textureOnViewport: large,
      hideEdgesOnViewport: elementCount >= hideEdgesWhileMovingFromElements,
      hideLabelsOnViewport: large,
      pixelRatio: large ? 1 : 'auto',
      // Motion blur redraws trailing frames: extra work for every pan, whatever the size.
      motionBlur: false,
    },
  };
}

/**
 * The explorer's one Cytoscape instance draws answers of every size, and Cytoscape reads these
 * options once, at creation: the canvas renderer (WebGL would lose the dots and dashes that show a
 * link's evidence, and cannot be swapped in on a live graph), panning a bitmap of the viewport
 * (cheap at any size: 22 ms a dragged frame at 5k elements against 374 ms without, bench:ui), labels
 * kept while moving so a chain stays readable, and sharp pixels on high-density screens.
 */
export function explorerRendering(): RenderOptions {
  return { ...chooseRendering(largeFromElements, false).options, hideLabelsOnViewport: false, pixelRatio: 'auto' };
}

/**
 * What WebGL drawing loses, said another way: without dots and dashes, inferred links are drawn
 * thinner and fainter and the weakest link stays the widest, so strength still reads without colour.
 */
export const webglStyleAdjustments: StylesheetJson = [
  // WebGL draws every label into texture atlases whatever the zoom (it ignores min-zoomed-font-size):
  // thousands of link captions cost seconds; the inspector still names a clicked link.
  { selector: 'edge', style: { label: '' } },
  { selector: 'edge.inferred', style: { width: 1, 'line-opacity': 0.7 } },
  { selector: 'edge.weakest', style: { width: 7 } },
];

/**
 * Large answers on the canvas renderer: what costs per element per frame goes, what tells links and
 * nodes apart stays (kind shapes and colours, synthetic dashes, strength colours and dots, the
 * weakest link's width). Haystack edges are straight lines with no curve to compute and no arrow
 * (direction and captions are in the inspector); labels show only once zoomed in enough to read, on
 * one line (a wrapped label is measured word by word: a fifth of the first frame at 20,000 elements).
 */
export const plainStyleAdjustments: StylesheetJson = [
  { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', label: '' } },
  { selector: 'node', style: { 'text-background-opacity': 0, 'min-zoomed-font-size': 12, 'text-wrap': 'none' } },
];

/**
 * What draws nothing under the plain overlay, by the kind of element: an edge has no label, so none of
 * its text properties shows, and no arrow, so neither does the arrow's colour; a node's label has no
 * background colour to show, and a label on one line has no width to wrap at. (The background's
 * padding stays: Cytoscape counts it in the label's bounds, which fitting the view reads.)
 */
const silentUnderPlain: Readonly<Record<ElementKind, ReadonlySet<string>>> = {
  edge: new Set([
    'target-arrow-color',
    'color',
    'font-size',
    'font-style',
    'font-weight',
    'text-rotation',
    'text-margin-x',
    'text-margin-y',
    'text-background-color',
    'text-background-opacity',
    'text-background-padding',
    'min-zoomed-font-size',
  ]),
  node: new Set(['text-background-color', 'text-max-width']),
};

type ElementKind = 'node' | 'edge';
type StyleBlock = { selector: string; style: Record<string, unknown> };

/** 'node' or 'edge' when every part of the selector names that kind of element; null when it may match either. */
function elementKindOf(selector: string): ElementKind | null {
  const kinds = new Set(selector.split(',').map((part) => /^\s*(node|edge)\b/.exec(part)?.[1] ?? null));
  return kinds.size === 1 ? ([...kinds][0] as ElementKind | null) : null;
}

/**
 * Cytoscape's own values for some properties, by kind (its built-in sheet gives edges another width):
 * in a kind's base block, a property set to its default (by the stylesheet or the overlay) is left
 * unset, which draws the same at no cost. Later blocks keep theirs, where a default overrides another value.
 */
const cytoscapeDefaults: Readonly<Record<ElementKind, Readonly<Record<string, unknown>>>> = {
  node: { label: '', 'text-wrap': 'none', 'text-background-opacity': 0, width: 30, height: 30 },
  edge: { label: '', 'target-arrow-shape': 'none', 'haystack-radius': 0 },
};

/** A kind's base block under the overlay: its own properties and the overlay's, less those at Cytoscape's defaults. */
function baseStyle(kind: ElementKind, style: Record<string, unknown>, overlay: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries({ ...style, ...overlay }).filter(([key, value]) => cytoscapeDefaults[kind][key] !== value));
}

/**
 * The stylesheet with the plain overlay folded in rather than appended: each overlay property is set in
 * its kind's base block (`node`, `edge`) and taken out of the other blocks for that kind (which it
 * would override anyway), and properties that draw nothing under it are left out. What is drawn is the
 * same as with the overlay appended, but Cytoscape applies fewer properties to each element, and each
 * one costs it a pass over the element's links (its style triggers): half of the style time at 20,000
 * elements (npm run bench:ui). A block that may match either kind keeps its properties; should it set
 * one the overlay sets, the overlay comes again after everything. A kind with no base block gets the
 * overlay's block at the end.
 */
function foldPlainOverlay(stylesheet: StylesheetJson): StylesheetJson {
  const overlay = new Map((plainStyleAdjustments as unknown as StyleBlock[]).map((block) => [block.selector as ElementKind, block.style]));
  const folded: StyleBlock[] = [];
  const based = new Set<ElementKind>();
  let overlayAgain = false;
  for (const block of stylesheet as unknown as StyleBlock[]) {
    const kind = elementKindOf(block.selector);
    if (kind === null) {
      overlayAgain ||= [...overlay.values()].some((style) => Object.keys(block.style).some((key) => key in style));
      folded.push(block);
      continue;
    }
    const own = overlay.get(kind) ?? {};
    const kept = Object.fromEntries(Object.entries(block.style).filter(([key]) => !(key in own) && !silentUnderPlain[kind].has(key)));
    const isBase = block.selector.trim() === kind && !based.has(kind);
    if (isBase) based.add(kind);
    const style = isBase ? baseStyle(kind, kept, own) : kept;
    if (Object.keys(style).length > 0) folded.push({ ...block, style });
  }
  for (const [kind, style] of overlay) if (!based.has(kind)) folded.push({ selector: kind, style });
  return overlayAgain ? [...folded, ...plainStyleAdjustments] : folded;
}

/**
 * The stylesheet to draw with under a renderer for an answer of `elementCount` elements. Answers below
 * `plainFromElements` keep the stylesheet as is; larger ones on the canvas renderer get the plain
 * overlay, folded in; under WebGL its own adjustments come last so they win.
 */
export function withRenderAdjustments(renderer: RendererName, stylesheet: StylesheetJson, elementCount = 0): StylesheetJson {
  if (renderer === 'webgl') return [...stylesheet, ...webglStyleAdjustments];
  return elementCount >= plainFromElements ? foldPlainOverlay(stylesheet) : stylesheet;
}

/** GPUs emulated on the CPU: WebGL through them drew 5,000 elements several times slower than the canvas renderer (npm run bench:ui). */
const softwareGpu = /swiftshader|llvmpipe|softpipe|software/i;

/**
 * True when the browser gives a hardware WebGL 2 context, which Cytoscape's WebGL renderer needs (it
 * fails without one). A software GPU counts as no WebGL unless `allowSoftware`.
 */
export function canUseWebgl(options: { allowSoftware?: boolean } = {}, doc: Document = document): boolean {
  try {
    const context = doc.createElement('canvas').getContext('webgl2');
    if (!context) return false;
    const info = context.getExtension('WEBGL_debug_renderer_info');
    const gpu = String(context.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : context.RENDERER));
    context.getExtension('WEBGL_lose_context')?.loseContext();
    return options.allowSoftware === true || !softwareGpu.test(gpu);
  } catch {
    return false;
  }
}

/** Which renderer a running graph actually uses, read from Cytoscape rather than from what was asked. */
export function activeRenderer(cy: cytoscape.Core): RendererName {
  const renderer = (cy as unknown as { renderer(): { webgl?: boolean } | null }).renderer();
  return renderer?.webgl ? 'webgl' : 'canvas';
}
