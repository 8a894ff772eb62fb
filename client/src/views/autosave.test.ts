import { describe, expect, it } from 'vitest';
import { chainResult } from '../graph/chain-result.fixture.ts';
import type { WorkspaceState } from '../workspace/workspace.ts';
import { debounce, forgetUnsaved, readUnsaved, saveUnsaved, shareIdFromPath } from './autosave.ts';

/** The Web Storage interface over a Map, as sessionStorage behaves (strings in, strings out). */
class MapStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

const state: WorkspaceState = {
  query: { name: 'chain-of-command', parameters: { id: 'd1' } },
  result: chainResult(),
  hidden: ['o3'],
  pinned: [],
  positions: { d1: { x: 1, y: 2 } },
  layout: 'preset',
  filters: { synthetic: false },
  viewport: { zoom: 1, pan: { x: 0, y: 0 } },
};

describe('unsaved work in sessionStorage', () => {
  it('reads back what was saved, for the same account only', () => {
    const storage = new MapStorage();
    const openView = { id: 'v', shareId: 's', version: 2, title: 'T', notes: '' };
    saveUnsaved(storage, 'user-a', { state, openView });
    expect(readUnsaved(storage, 'user-a')).toEqual({ state, openView });
    expect(readUnsaved(storage, 'user-b')).toBeNull();
  });

  it('drops a copy it cannot read instead of failing', () => {
    const storage = new MapStorage();
    storage.setItem('xpf-unsaved:user-a', '{"state": 1}');
    storage.setItem('xpf-unsaved:user-b', 'not json');
    expect(readUnsaved(storage, 'user-a')).toBeNull();
    expect(readUnsaved(storage, 'user-b')).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('forgets other accounts’ copies at sign-in, and every copy at sign-out, leaving other keys alone', () => {
    const storage = new MapStorage();
    saveUnsaved(storage, 'user-a', { state, openView: null });
    saveUnsaved(storage, 'user-b', { state, openView: null });
    storage.setItem('unrelated', 'x');
    forgetUnsaved(storage, 'user-b');
    expect(readUnsaved(storage, 'user-a')).toBeNull();
    expect(readUnsaved(storage, 'user-b')).not.toBeNull();
    forgetUnsaved(storage, null);
    expect(readUnsaved(storage, 'user-b')).toBeNull();
    expect(storage.getItem('unrelated')).toBe('x');
  });
});

describe('debounce', () => {
  it('saves once for a burst of changes when flushed, and not at all once cancelled', () => {
    let saves = 0;
    const saver = debounce(() => saves++, 60_000);
    saver.schedule();
    saver.schedule();
    saver.flush();
    saver.flush();
    expect(saves).toBe(1);
    saver.schedule();
    saver.cancel();
    saver.flush();
    expect(saves).toBe(1);
  });
});

describe('shareIdFromPath', () => {
  it('reads a 22-character token from /v/<shareId> and nothing else', () => {
    expect(shareIdFromPath('/v/AAAAAAAAAAAAAAAAAAAA_-')).toBe('AAAAAAAAAAAAAAAAAAAA_-');
    expect(shareIdFromPath('/v/AAAAAAAAAAAAAAAAAAAA_-/')).toBe('AAAAAAAAAAAAAAAAAAAA_-');
    expect(shareIdFromPath('/')).toBeNull();
    expect(shareIdFromPath('/v/short')).toBeNull();
    expect(shareIdFromPath('/v/AAAAAAAAAAAAAAAAAAAA_-/assets/x.js')).toBeNull();
  });
});
