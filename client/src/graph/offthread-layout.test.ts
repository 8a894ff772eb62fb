import { describe, expect, it } from 'vitest';
import type { ElementDefinition } from 'cytoscape';
import { computeLayout } from './layout-compute.ts';
import { createOffThreadLayout, forceLayoutFor, isSuperseded, type LayoutMessage, type LayoutReply, type LayoutWorker } from './offthread-layout.ts';

/** The worker's protocol run in-process with the real layout code; `terminate` drops a reply still to come, as a Worker would. */
class InProcessWorker implements LayoutWorker {
  onmessage: ((event: MessageEvent<LayoutReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;

  postMessage(message: LayoutMessage): void {
    setTimeout(async () => {
      const positions = await computeLayout(message.request);
      if (!this.terminated) this.onmessage?.({ data: { requestId: message.requestId, positions } } as MessageEvent<LayoutReply>);
    }, 10);
  }

  terminate(): void {
    this.terminated = true;
  }
}

function spawner() {
  const spawned: InProcessWorker[] = [];
  return { spawned, spawn: () => spawned[spawned.push(new InProcessWorker()) - 1]! };
}

const elements: ElementDefinition[] = [
  { group: 'nodes', data: { id: 'guard', label: 'Guard' } },
  { group: 'nodes', data: { id: 'camp', label: 'Camp' } },
  { group: 'edges', data: { id: 'works', source: 'guard', target: 'camp', caption: 'works at' } },
];
const chainLayout = { name: 'dagre', rankDir: 'BT' };

describe('createOffThreadLayout', () => {
  it('resolves with a position for every node, computed in the worker', async () => {
    const { spawn } = spawner();
    const positions = await createOffThreadLayout(spawn).run(elements, chainLayout);
    expect(Object.keys(positions).sort()).toEqual(['camp', 'guard']);
    expect(positions.camp!.y).toBeLessThan(positions.guard!.y);
  });

  it('lets a newer layout supersede an older one: the older is rejected and its worker stopped', async () => {
    const { spawn, spawned } = spawner();
    const layout = createOffThreadLayout(spawn);
    const older = layout.run(elements, chainLayout);
    const newer = layout.run(elements, { name: 'dagre', rankDir: 'TB' });
    await expect(older).rejects.toSatisfy(isSuperseded);
    const positions = await newer;
    // The newer request's own options took effect, not the older one's.
    expect(positions.guard!.y).toBeLessThan(positions.camp!.y);
    expect(spawned.map((worker) => worker.terminated)).toEqual([true, false]);
  });

  it('rejects as superseded when the caller aborts, and keeps working for the next run', async () => {
    const { spawn } = spawner();
    const layout = createOffThreadLayout(spawn);
    const controller = new AbortController();
    const aborted = layout.run(elements, chainLayout, controller.signal);
    controller.abort();
    await expect(aborted).rejects.toSatisfy(isSuperseded);
    await expect(layout.run(elements, chainLayout)).resolves.toHaveProperty('guard');
  });

  it('lays a large answer out in rings by degree on this thread, stopping an older layout and starting no worker', async () => {
    const { spawn, spawned } = spawner();
    const layout = createOffThreadLayout(spawn);
    const older = layout.run(elements, chainLayout);
    const rings = forceLayoutFor(20_000);
    expect(rings.name).toBe('rings-by-degree');
    const positions = await layout.run(elements, rings);
    await expect(older).rejects.toSatisfy(isSuperseded);
    expect(Object.keys(positions).sort()).toEqual(['camp', 'guard']);
    // Only the older (chain) layout ever started a worker, and it was stopped.
    expect(spawned.map((worker) => worker.terminated)).toEqual([true]);
  });

  it('rejects with the reason when the worker fails, rather than hanging', async () => {
    const failing: LayoutWorker = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => this.onerror?.({ message: 'SyntaxError in layout-worker.js' } as ErrorEvent), 0);
      },
      terminate() {},
    };
    await expect(createOffThreadLayout(() => failing).run(elements, chainLayout)).rejects.toThrow(/SyntaxError in layout-worker/);
  });
});
