// Unsaved work survives a reload of the tab, and nothing more. sessionStorage, never localStorage:
// what an analyst draws names detainees (real people, even when the records are synthetic here), so
// it must not outlive the tab, nor be left for the next person who signs in on this browser. It is
// keyed by the account, cleared on sign-out, and another account's copy is dropped at sign-in.
import { z } from 'zod';
import { ViewFilters, ViewQuery, Viewport } from '../../../contract/api/saved-view.ts';
import { Result } from '../../../contract/result.ts';
import type { WorkspaceState } from '../workspace/workspace.ts';

const keyPrefix = 'xpf-unsaved:';

/** A model position, as a saved view's camera pans to one. */
const Point = Viewport.shape.pan;

/** The open view the work continues (so "save new version" still knows its base after a reload). */
const OpenViewRef = z.object({ id: z.string(), shareId: z.string(), version: z.number().int(), title: z.string(), notes: z.string() });
export type OpenViewRef = z.infer<typeof OpenViewRef>;

/** Checked on the way back in: a copy written by an older client must not break the page. Its parts are a saved view's. */
const Unsaved = z.object({
  state: z.object({
    query: ViewQuery.nullable(),
    result: Result,
    hidden: z.array(z.string()),
    pinned: z.array(z.string()),
    positions: z.record(z.string(), Point),
    layout: z.string(),
    filters: ViewFilters,
    viewport: Viewport,
  }),
  openView: OpenViewRef.nullable(),
});

export interface UnsavedWork {
  state: WorkspaceState;
  openView: OpenViewRef | null;
}

function keyFor(userId: string): string {
  return `${keyPrefix}${userId}`;
}

export function saveUnsaved(storage: Storage, userId: string, work: UnsavedWork): void {
  try {
    storage.setItem(keyFor(userId), JSON.stringify(work));
  } catch {
    // Over the quota (a huge graph): the work stays on screen, only the reload copy is lost. Drop the stale one.
    storage.removeItem(keyFor(userId));
  }
}

export function readUnsaved(storage: Storage, userId: string): UnsavedWork | null {
  const text = storage.getItem(keyFor(userId));
  if (!text) return null;
  try {
    const parsed = Unsaved.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: dropped below.
  }
  storage.removeItem(keyFor(userId));
  return null;
}

/** Every account's copy but `keepUserId`'s (none kept when it is null, at sign-out). */
export function forgetUnsaved(storage: Storage, keepUserId: string | null): void {
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key !== null);
  for (const key of keys) if (key.startsWith(keyPrefix) && key !== (keepUserId === null ? null : keyFor(keepUserId))) storage.removeItem(key);
}

/** Calls `save` once changes stop for `delayMs`; `flush` saves a pending change now, `cancel` drops it. */
export function debounce(save: () => void, delayMs: number): { schedule(): void; flush(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        save();
      }, delayMs);
    },
    flush() {
      if (!timer) return;
      clearTimeout(timer);
      timer = null;
      save();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/** The share token in a `/v/<shareId>` address, or null for any other page. */
export function shareIdFromPath(pathname: string): string | null {
  const match = /^\/v\/([A-Za-z0-9_-]{22})\/?$/.exec(pathname);
  return match?.[1] ?? null;
}
