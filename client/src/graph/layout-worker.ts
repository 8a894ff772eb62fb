// The layout worker: runs a layout on bare element data off the main thread and posts the positions
// back, so a 20k-element force layout never freezes panning, typing or the status line.
import { computeLayout, type LayoutRequest } from './layout-compute.ts';
import type { LayoutReply, LayoutMessage } from './offthread-layout.ts';

const scope = self as unknown as { onmessage: ((event: MessageEvent<LayoutMessage>) => void) | null; postMessage(reply: LayoutReply): void };

scope.onmessage = async (event) => {
  const { requestId, request }: { requestId: number; request: LayoutRequest } = event.data;
  try {
    scope.postMessage({ requestId, positions: await computeLayout(request) });
  } catch (error) {
    scope.postMessage({ requestId, error: error instanceof Error ? error.message : String(error) });
  }
};
