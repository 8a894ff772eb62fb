// Lays graphs out in a Web Worker and applies the positions in one batch: the main thread only
// draws. A newer layout supersedes an older one: the worker running it is stopped, not waited for.
import type cytoscape from 'cytoscape';
import { RINGS_BY_DEGREE, ringsByDegree, spacingOf, toLayoutElements, type LayoutRequest, type PlainLayoutOptions, type Positions } from './layout-compute.ts';

export type { Positions, PlainLayoutOptions } from './layout-compute.ts';

export interface LayoutMessage {
  requestId: number;
  request: LayoutRequest;
}

export type LayoutReply = { requestId: number; positions: Positions } | { requestId: number; error: string };

/** The part of a Worker this module uses, so tests can run the same protocol in-process. */
export interface LayoutWorker {
  postMessage(message: LayoutMessage): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<LayoutReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Rejects a layout that a newer one (or an abort) replaced; callers drop it, it is not a failure to show. */
export class LayoutSuperseded extends Error {
  override name = 'LayoutSuperseded';
  constructor() {
    super('A newer layout replaced this one.');
  }
}

export function isSuperseded(error: unknown): error is LayoutSuperseded {
  return error instanceof LayoutSuperseded;
}

/** Vite bundles the worker and its imports (cytoscape, dagre, fcose) as a separate module served from our origin. */
function spawnLayoutWorker(): LayoutWorker {
  return new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'xpf-layout' }) as unknown as LayoutWorker;
}

export interface OffThreadLayout {
  /** Resolves with node id -> position; rejects with LayoutSuperseded when a newer run or `signal` cancels it. */
  run(elements: readonly cytoscape.ElementDefinition[], layout: PlainLayoutOptions, signal?: AbortSignal): Promise<Positions>;
  /** Starts the worker now, so its module (Cytoscape and the layouts) has loaded before a layout waits on it. */
  prepare(): void;
  /** Stops the worker; a later run starts a new one. */
  dispose(): void;
}

export function createOffThreadLayout(spawn: () => LayoutWorker = spawnLayoutWorker): OffThreadLayout {
  let worker: LayoutWorker | null = null;
  let pending: { requestId: number; resolve(positions: Positions): void; reject(error: Error): void } | null = null;
  let nextRequestId = 1;

  // A synchronous layout cannot be interrupted from outside: ending the worker is the only way to stop it.
  const stopPending = (reason: Error) => {
    if (!pending) return;
    worker?.terminate();
    worker = null;
    pending.reject(reason);
    pending = null;
  };

  const ensureWorker = (): LayoutWorker => {
    if (worker) return worker;
    const started = spawn();
    started.onmessage = (event) => {
      const reply = event.data;
      if (!pending || reply.requestId !== pending.requestId) return;
      const { resolve, reject } = pending;
      pending = null;
      if ('error' in reply) reject(new Error(`Layout failed: ${reply.error}`));
      else resolve(reply.positions);
    };
    started.onerror = (event) => {
      event.preventDefault?.();
      worker = null;
      stopPending(new Error(`Layout worker failed: ${event.message || 'it could not start'}`));
    };
    worker = started;
    return started;
  };

  return {
    prepare() {
      ensureWorker();
    },
    run(elements, layout, signal) {
      stopPending(new LayoutSuperseded());
      if (signal?.aborted) return Promise.reject(new LayoutSuperseded());
      // Milliseconds on this thread: less than posting the elements to the worker would cost.
      if (layout.name === RINGS_BY_DEGREE) return Promise.resolve(ringsByDegree(toLayoutElements(elements), spacingOf(layout)));
      const requestId = nextRequestId++;
      const done = new Promise<Positions>((resolve, reject) => {
        pending = { requestId, resolve, reject };
      });
      signal?.addEventListener(
        'abort',
        () => {
          if (pending?.requestId === requestId) stopPending(new LayoutSuperseded());
        },
        { once: true },
      );
      ensureWorker().postMessage({ requestId, request: { elements: toLayoutElements(elements), layout } });
      return done;
    },
    dispose() {
      stopPending(new LayoutSuperseded());
      worker?.terminate();
      worker = null;
    },
  };
}

/** Above this many elements fcose's CoSE refinement took close to a minute for 5,000 elements on two cores. */
const refineUpToElements = 1_000;

/** From this many elements even fcose's spectral step costs about a second (bench:ui): rings by degree instead. */
const ringsFromElements = 2_000;

/**
 * The overview layout for an answer of `elementCount` elements: fcose with its CoSE refinement for
 * small answers, its spectral step alone ('draft') for middling ones, and concentric rings by degree
 * for large ones (layout-compute.ts), where hubs (a facility, a bureau) sit in the middle and the
 * many they hold around them: the shape of 20,000 elements in milliseconds.
 */
export function forceLayoutFor(elementCount: number): PlainLayoutOptions {
  if (elementCount >= ringsFromElements) return { name: RINGS_BY_DEGREE, minNodeSpacing: 20 };
  return {
    name: 'fcose',
    quality: elementCount < refineUpToElements ? 'default' : 'draft',
    // Room for two-line labels, which a headless graph cannot measure.
    nodeSeparation: 90,
    animate: false,
  };
}

let shared: OffThreadLayout | null = null;

/** Starts the page's layout worker ahead of the first large answer: about 0.4 s of module loading off that answer's draw. */
export function prepareLayoutWorker(): void {
  shared ??= createOffThreadLayout();
  shared.prepare();
}

/** Runs a layout in the page and resolves on layoutstop, so callers only read positions once they are final. */
export function runOnMainThread(elements: cytoscape.Collection, options: cytoscape.LayoutOptions): Promise<void> {
  const layout = elements.layout(options);
  const stopped = layout.promiseOn('layoutstop');
  layout.run();
  return stopped.then(() => undefined);
}

/** The same layout as Cytoscape runs it (bench:ui's baseline draws the way the explorer drew before ringsByDegree). */
export function asCytoscapeLayout(layout: PlainLayoutOptions): PlainLayoutOptions {
  return layout.name === RINGS_BY_DEGREE ? { ...layout, name: 'concentric' } : layout;
}

/** The page's one layout worker: a newer call supersedes any older one still running. */
export function layoutOffMainThread(elements: readonly cytoscape.ElementDefinition[], layout: PlainLayoutOptions, signal?: AbortSignal): Promise<Positions> {
  shared ??= createOffThreadLayout();
  return shared.run(elements, layout, signal);
}

/**
 * Moves nodes to computed positions in one `preset` layout (one redraw, one `layoutstop`) and fits
 * the view to the node bodies, as addPositioned does.
 */
export async function applyPositions(cy: cytoscape.Core, positions: Positions, options: { fit?: boolean; padding?: number } = {}): Promise<void> {
  const layout = cy.layout({
    name: 'preset',
    // A map, not a function: preset leaves nodes it has no entry for (and locked ones) where they are.
    positions,
    fit: false,
    animate: false,
  });
  const stopped = layout.promiseOn('layoutstop');
  layout.run();
  await stopped;
  if (options.fit ?? true) fitToBodies(cy, options.padding ?? 30);
}

/** Every node is drawn this size (graph/style.ts), so their bodies' extent follows from their positions. */
const NODE_SIZE = 34;

/**
 * Fitted to the node bodies alone, their extent taken from the positions: a bounding box from Cytoscape
 * (even without labels) first computes every element's style and label, over a second at 20k elements
 * (bench:ui), which the first frame then does anyway. The padding leaves room for the lowest labels.
 */
function fitToBodies(cy: cytoscape.Core, padding: number): void {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x);
    y2 = Math.max(y2, y);
  });
  if (x1 > x2) return;
  const half = NODE_SIZE / 2;
  const bodies = { x1: x1 - half, y1: y1 - half, x2: x2 + half, y2: y2 + half, w: x2 - x1 + NODE_SIZE, h: y2 - y1 + NODE_SIZE };
  // cy.fit takes a bounding box as well as elements (Cytoscape's getFitViewport); its typings name only elements.
  cy.fit(bodies as unknown as cytoscape.CollectionArgument, padding);
}

/**
 * Adds elements already at their computed positions, in one batch, and fits the view to the nodes: for a new
 * answer this beats adding first and moving after, as the renderer never draws the unplaced pile.
 */
export function addPositioned(cy: cytoscape.Core, elements: readonly cytoscape.ElementDefinition[], positions: Positions, padding = 30): void {
  // Named measures show in a browser profile (and in npm run bench:ui) where a large draw spends its time.
  const started = performance.now();
  cy.batch(() => {
    cy.add(
      elements.map((element) => {
        const position = element.group === 'nodes' ? positions[String(element.data.id)] : undefined;
        return position ? { ...element, position } : element;
      }),
    );
  });
  const added = performance.now();
  performance.measure('xpf:add+style', { start: started, end: added });
  fitToBodies(cy, padding);
  performance.measure('xpf:fit', { start: added, end: performance.now() });
}

/** Below this many elements a layout on the main thread is over before a worker would have started. */
const offThreadFromElements = 500;

const forceLayouts = new Set(['cose', 'fcose']);

/**
 * A layout runner for the workspace (WorkspaceOptions.runLayout): large graphs are laid out in the
 * worker, force layouts there by `forceLayoutFor`; locked nodes stay put (preset skips them). A run
 * superseded by a newer one resolves without moving anything: the newer one places the nodes.
 */
export function offThreadLayoutRunner(layout: OffThreadLayout = { run: layoutOffMainThread, prepare: prepareLayoutWorker, dispose() {} }) {
  return async (elements: cytoscape.Collection, options: cytoscape.LayoutOptions): Promise<void> => {
    const plain = Object.values(options).every((value) => typeof value !== 'function');
    if (elements.length < offThreadFromElements || !plain) {
      await runOnMainThread(elements, options);
      return;
    }
    const request = forceLayouts.has(options.name) ? forceLayoutFor(elements.length) : (options as PlainLayoutOptions);
    try {
      const positions = await layout.run(elements.jsons() as cytoscape.ElementDefinition[], request);
      const fit = (options as { fit?: boolean }).fit ?? true;
      // Collections know their graph at run time; the typings leave cy() off Collection.
      await applyPositions((elements as unknown as { cy(): cytoscape.Core }).cy(), positions, { fit });
    } catch (error) {
      if (!isSuperseded(error)) throw error;
    }
  };
}
