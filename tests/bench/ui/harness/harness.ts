// The UI bench's page: draws a Result with the explorer's own modules (stylesheet, toElements,
// render options, off-thread layout) or with the baseline (canvas renderer, same layout on the main
// thread), then pans, and reports timings to tests/bench/ui.bench.ts through window.__bench.
import './harness.css';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Result } from '../../../../contract/result.ts';
import { addPositioned, asCytoscapeLayout, forceLayoutFor, layoutOffMainThread, prepareLayoutWorker } from '../../../../client/src/graph/offthread-layout.ts';
import { activeRenderer, canUseWebgl, chooseRendering, withRenderAdjustments } from '../../../../client/src/graph/render-options.ts';
import { stylesheet } from '../../../../client/src/graph/style.ts';
import { toElements } from '../../../../client/src/graph/to-elements.ts';

/** `webgl` is `optimised` with WebGL allowed on a software GPU, to show what WebGL does on this machine. */
export type BenchMode = 'baseline' | 'optimised' | 'webgl';

export interface DrawMeasurement {
  elements: number;
  renderer: string;
  /** From the parsed Result to the first frame after layout. */
  drawMs: number;
  longTasks: number;
  longestTaskMs: number;
  /** Sum over long tasks of their time beyond 50 ms (Lighthouse's "total blocking time"). */
  blockingMs: number;
  /** Where the time went: Result -> elements and graph built, layout done and applied, first frame. */
  phases: { buildMs: number; layoutMs: number; frameMs: number };
  /** Finer: main-thread steps, the worker's wall time, and Cytoscape's own render calls before the first frame. */
  breakdown: DrawBreakdown;
}

export interface DrawBreakdown {
  /** Result -> Cytoscape element definitions (toElements). */
  elementsMs: number;
  /** new cytoscape({ style, renderer options }): stylesheet parsed, canvases made. */
  initMs: number;
  /** From posting the elements to the worker to its positions arriving (runs beside the main-thread steps). */
  workerLayoutMs: number;
  /** Main thread idle, waiting for the worker once it had nothing else to do. */
  layoutWaitMs: number;
  /** Elements added in one batch with their positions; the batch's end applies the stylesheet to each. */
  addStyleMs: number;
  /** Fitting the view: bounding boxes of every element, labels included. Baseline: the main-thread layout, fit included. */
  fitOrLayoutMs: number;
  /** Time inside Cytoscape's render() before the first frame was on screen. */
  renderMs: number;
  renderCalls: number;
}

export interface PanMeasurement {
  /** requestAnimationFrame callbacks per second while panning. */
  frameFps: number;
  /** Frames Cytoscape actually drew per second while panning. */
  drawnFps: number;
  /** How far the view moved, in screen pixels: proves the pan happened. */
  movedPx: number;
  /** Mouse moves the page received per second: frames cannot outnumber them, so a slow feed caps drawnFps. */
  movesPerSecond: number;
  /** Mean time inside Cytoscape's render() per drawn frame: 1000 / this is the frame rate the drawing alone allows. */
  renderMsPerFrame: number;
}

declare global {
  interface Window {
    __bench?: {
      draw(mode: BenchMode, size: number): Promise<DrawMeasurement>;
      pan(milliseconds: number): Promise<PanMeasurement>;
      startCounting(): void;
      stopCounting(): PanMeasurement;
      /** A screen point inside the canvas with no element under it, where a drag pans rather than moves a node. */
      emptyPoint(): { x: number; y: number };
      framePacedDrag(milliseconds: number): Promise<PanMeasurement>;
      webglRenderer(): string | null;
    };
  }
}

// As main.ts does: Cytoscape's own <style> would be refused by the CSP this page is served with.
const claim = document.createElement('meta');
claim.id = '__________cytoscape_stylesheet';
document.head.append(claim);
if (!cytoscape('layout', 'fcose')) cytoscape.use(fcose);

const container = document.getElementById('graph')!;
let cy: cytoscape.Core | null = null;

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

interface RenderCall {
  start: number;
  ms: number;
}

/** Wraps the renderer's render(), which Cytoscape's frame loop calls only when something changed, to time and count draws. */
function recordRenders(drawn: cytoscape.Core): RenderCall[] {
  const calls: RenderCall[] = [];
  const renderer = (drawn as unknown as { renderer(): { render(options?: unknown): void } }).renderer();
  const render = renderer.render;
  renderer.render = function recordedRender(this: unknown, options?: unknown) {
    const start = performance.now();
    const value = render.call(this, options);
    calls.push({ start, ms: performance.now() - start });
    return value;
  };
  return calls;
}

let renders: RenderCall[] = [];

const lastMeasure = (name: string) => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? 0;

async function draw(mode: BenchMode, size: number): Promise<DrawMeasurement> {
  const result = (await (await fetch(`results/${size}.json`)).json()) as Result;
  const longTasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });

  const started = performance.now();
  const elements = toElements(result);
  const converted = performance.now();
  const layout = forceLayoutFor(elements.length);
  let built = 0;
  let initialised = 0;
  let addStyleMs = 0;
  let fitOrLayoutMs = 0;
  let workerLayoutMs = 0;
  let layoutWaitMs = 0;
  if (mode === 'baseline') {
    cy = cytoscape({ container, style: stylesheet });
    const drawn = cy;
    renders = recordRenders(drawn);
    initialised = performance.now();
    drawn.batch(() => drawn.add(elements));
    built = performance.now();
    addStyleMs = built - initialised;
    // Cytoscape's own layouts, as the explorer drew before: rings by degree were its concentric layout.
    const running = drawn.layout({ ...asCytoscapeLayout(layout), fit: true, padding: 30, nodeDimensionsIncludeLabels: false } as cytoscape.LayoutOptions);
    const stopped = running.promiseOn('layoutstop');
    running.run();
    await stopped;
    fitOrLayoutMs = performance.now() - built;
  } else {
    // The worker starts on the layout while the main thread builds the renderer.
    const posted = performance.now();
    const positions = layoutOffMainThread(elements, layout).then((placed) => {
      workerLayoutMs = performance.now() - posted;
      return placed;
    });
    const choice = chooseRendering(elements.length, canUseWebgl({ allowSoftware: mode === 'webgl' }));
    cy = cytoscape({ container, style: withRenderAdjustments(choice.renderer, stylesheet, elements.length), ...choice.options });
    renders = recordRenders(cy);
    initialised = built = performance.now();
    const placed = await positions;
    layoutWaitMs = performance.now() - built;
    addPositioned(cy, elements, placed);
    addStyleMs = lastMeasure('xpf:add+style');
    fitOrLayoutMs = lastMeasure('xpf:fit');
  }
  const laidOut = performance.now();
  // Cytoscape draws in its own animation-frame callback, registered before ours: after two frames the laid-out graph is on screen.
  await nextFrame();
  await nextFrame();
  const drawMs = performance.now() - started;
  const firstFrame = renders.filter((call) => call.start >= laidOut);

  await new Promise((resolve) => setTimeout(resolve, 100));
  longTasks.push(...observer.takeRecords());
  observer.disconnect();
  const during = longTasks.filter((task) => task.startTime >= started && task.startTime < started + drawMs);
  return {
    elements: elements.length,
    renderer: activeRenderer(cy),
    drawMs,
    longTasks: during.length,
    longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
    blockingMs: during.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
    phases: { buildMs: built - started, layoutMs: laidOut - built, frameMs: started + drawMs - laidOut },
    breakdown: {
      elementsMs: converted - started,
      initMs: initialised - converted,
      workerLayoutMs,
      layoutWaitMs,
      addStyleMs,
      fitOrLayoutMs,
      renderMs: firstFrame.reduce((sum, call) => sum + call.ms, 0),
      renderCalls: firstFrame.length,
    },
  };
}

let counting: { since: number; renderIndex: number; frames: number; moves: number; pan: cytoscape.Position; active: boolean } | null = null;

addEventListener(
  'mousemove',
  () => {
    if (counting) counting.moves++;
  },
  { capture: true, passive: true },
);

function startCounting(): void {
  if (!cy) throw new Error('draw() first');
  const state = { since: performance.now(), renderIndex: renders.length, frames: 0, moves: 0, pan: { ...cy.pan() }, active: true };
  const tick = () => {
    if (!state.active) return;
    state.frames++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  counting = state;
}

function stopCounting(): PanMeasurement {
  if (!cy || !counting) throw new Error('startCounting() first');
  const state = counting;
  state.active = false;
  counting = null;
  const seconds = (performance.now() - state.since) / 1000;
  const { x, y } = cy.pan();
  const drawn = renders.slice(state.renderIndex);
  return {
    frameFps: state.frames / seconds,
    drawnFps: drawn.length / seconds,
    movedPx: Math.hypot(x - state.pan.x, y - state.pan.y),
    movesPerSecond: state.moves / seconds,
    renderMsPerFrame: drawn.reduce((sum, call) => sum + call.ms, 0) / Math.max(1, drawn.length),
  };
}

/** Programmatic panning (cy.panBy each frame): Cytoscape treats it as a change, not a gesture, so its viewport shortcuts stay off. */
async function pan(milliseconds: number): Promise<PanMeasurement> {
  if (!cy) throw new Error('draw() first');
  const panned = cy;
  startCounting();
  const started = await nextFrame();
  let now = started;
  while (now - started < milliseconds) {
    panned.panBy({ x: 3, y: 2 });
    now = await nextFrame();
  }
  return stopCounting();
}

const minimumPacedMoves = 5;

/**
 * A drag whose moves arrive once a frame, as a real mouse sends them (60 Hz and more), dispatched in
 * the page: the same mousedown / mousemove / mouseup handlers of Cytoscape's as a hand's drag (its
 * viewport shortcuts apply), without the test driver's round trip per event that caps the other drag.
 */
async function framePacedDrag(milliseconds: number): Promise<PanMeasurement> {
  if (!cy) throw new Error('draw() first');
  const start = emptyPoint();
  const canvas = container.querySelector('canvas') ?? container;
  const mouse = (type: string, x: number, y: number, buttons: number) =>
    new MouseEvent(type, { clientX: x, clientY: y, screenX: x, screenY: y, button: 0, buttons, bubbles: true, cancelable: true, view: window });
  startCounting();
  canvas.dispatchEvent(mouse('mousedown', start.x, start.y, 1));
  const began = await nextFrame();
  let now = began;
  let step = 0;
  let point = start;
  // At least a few moves however slow the frames: on a software GPU a WebGL frame of 5,000 elements can
  // take over a second, and one move of 4 px is within Cytoscape's tap threshold, so it never pans.
  while (now - began < milliseconds || step < minimumPacedMoves) {
    step += 1;
    // To and fro, 4 px a frame, so the view stays over the graph.
    const offset = (step % 60 < 30 ? step % 60 : 60 - (step % 60)) * 4;
    point = { x: start.x + offset, y: start.y + offset / 2 };
    canvas.dispatchEvent(mouse('mousemove', point.x, point.y, 1));
    now = await nextFrame();
  }
  canvas.dispatchEvent(mouse('mouseup', point.x, point.y, 0));
  return stopCounting();
}

function emptyPoint(): { x: number; y: number } {
  if (!cy) throw new Error('draw() first');
  const box = cy.elements().renderedBoundingBox({ includeLabels: true });
  const rect = container.getBoundingClientRect();
  // fit() leaves its padding around the graph: a point in that margin has nothing under it.
  for (const candidate of [
    { x: 8, y: 8 },
    { x: rect.width - 8, y: 8 },
    { x: 8, y: rect.height - 8 },
    { x: rect.width - 8, y: rect.height - 8 },
  ]) {
    const inside = candidate.x >= box.x1 && candidate.x <= box.x2 && candidate.y >= box.y1 && candidate.y <= box.y2;
    if (!inside) return { x: rect.left + candidate.x, y: rect.top + candidate.y };
  }
  throw new Error('no empty corner to start a drag from');
}

/** The GPU behind WebGL here (e.g. SwiftShader, Chromium's software GPU), or null without WebGL 2. */
function webglRenderer(): string | null {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

// As the explorer does at page load (client/src/main.ts): the worker's module loads before any answer arrives.
prepareLayoutWorker();
window.__bench = { draw, pan, framePacedDrag, startCounting, stopCounting, emptyPoint, webglRenderer };
