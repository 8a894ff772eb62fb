// The UI bench's page: draws a Result with the explorer's own modules (stylesheet, toElements,
// render options, off-thread layout) or with the baseline (canvas renderer, same layout on the main
// thread), then pans, and reports timings to tests/bench/ui.bench.ts through window.__bench.
import './harness.css';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Result } from '../../../../cypher/result.ts';
import { addPositioned, forceLayoutFor, layoutOffMainThread } from '../../../../client/src/graph/offthread-layout.ts';
import { activeRenderer, canUseWebgl, chooseRendering, stylesheetFor } from '../../../../client/src/graph/render-options.ts';
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
}

export interface PanMeasurement {
  /** requestAnimationFrame callbacks per second while panning. */
  frameFps: number;
  /** Frames Cytoscape actually drew per second while panning. */
  drawnFps: number;
}

declare global {
  interface Window {
    __bench?: {
      draw(mode: BenchMode, size: number): Promise<DrawMeasurement>;
      pan(milliseconds: number): Promise<PanMeasurement>;
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

async function draw(mode: BenchMode, size: number): Promise<DrawMeasurement> {
  const result = (await (await fetch(`results/${size}.json`)).json()) as Result;
  const longTasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });

  const started = performance.now();
  const elements = toElements(result);
  const layout = forceLayoutFor(elements.length);
  let built = 0;
  if (mode === 'baseline') {
    cy = cytoscape({ container, style: stylesheet });
    const drawn = cy;
    drawn.batch(() => drawn.add(elements));
    built = performance.now();
    const running = drawn.layout({ ...layout, fit: true, padding: 30, nodeDimensionsIncludeLabels: false } as cytoscape.LayoutOptions);
    const stopped = running.promiseOn('layoutstop');
    running.run();
    await stopped;
  } else {
    // The worker starts on the layout while the main thread builds the renderer.
    const positions = layoutOffMainThread(elements, layout);
    const choice = chooseRendering(elements.length, canUseWebgl({ allowSoftware: mode === 'webgl' }));
    cy = cytoscape({ container, style: stylesheetFor(choice.renderer, stylesheet), ...choice.options });
    built = performance.now();
    addPositioned(cy, elements, await positions);
  }
  const laidOut = performance.now();
  // Cytoscape draws in its own animation-frame callback, registered before ours: after two frames the laid-out graph is on screen.
  await nextFrame();
  await nextFrame();
  const drawMs = performance.now() - started;

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
  };
}

async function pan(milliseconds: number): Promise<PanMeasurement> {
  if (!cy) throw new Error('draw() first');
  const panned = cy;
  // Counts the frames Cytoscape draws: its render loop calls renderer.render only when something changed.
  const renderer = (panned as unknown as { renderer(): { render(options?: unknown): void } }).renderer();
  const render = renderer.render;
  let drawn = 0;
  renderer.render = function countedRender(this: unknown, options?: unknown) {
    drawn++;
    return render.call(this, options);
  };
  let frames = 0;
  const started = await nextFrame();
  let now = started;
  while (now - started < milliseconds) {
    panned.panBy({ x: 3, y: 2 });
    frames++;
    now = await nextFrame();
  }
  renderer.render = render;
  const seconds = (now - started) / 1000;
  return { frameFps: frames / seconds, drawnFps: drawn / seconds };
}

/** The GPU behind WebGL here (e.g. SwiftShader, Chromium's software GPU), or null without WebGL 2. */
function webglRenderer(): string | null {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

window.__bench = { draw, pan, webglRenderer };
