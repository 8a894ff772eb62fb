// upgradeView takes every older document to the current one; ViewContent checks what a client sends.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { upgradeView, ViewContent, type ViewDocument } from './saved-view.ts';

const viewport = { zoom: 1.5, pan: { x: 10, y: -20 } };

/** A version-0 document as the first drafts wrote it: top-level asOf, no layout, filters or snapshot. */
const v0 = {
  title: 'Tekes county chain',
  query: { name: 'chain-of-command', parameters: { id: 'd1', asOf: '2018-01-01' } },
  elements: { nodes: ['d1', 'f1'], edges: ['d1-f1'] },
  positions: { d1: { x: 0, y: 100 }, f1: { x: 0, y: 0 } },
  viewport,
  asOf: '2018-01-01',
};

const v1: ViewDocument = {
  schemaVersion: 1,
  title: 'Tekes county chain',
  notes: '',
  query: v0.query,
  elements: v0.elements,
  positions: v0.positions,
  layout: 'chain',
  filters: { asOf: '2018-01-01', synthetic: false },
  viewport,
  snapshot: { nodes: { d1: 'a'.repeat(43) }, edges: {} },
};

function issuePaths(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof z.ZodError) return error.issues.map((issue) => issue.path.join('.'));
    throw error;
  }
  throw new Error('expected a ZodError');
}

describe('upgradeView', () => {
  it('takes a version-0 document to version 1: the as-of date into filters, positions drawn as saved, nothing fingerprinted', () => {
    const upgraded = upgradeView(v0);
    expect(upgraded).toEqual({
      schemaVersion: 1,
      title: 'Tekes county chain',
      notes: '',
      query: v0.query,
      elements: v0.elements,
      positions: v0.positions,
      layout: 'preset',
      filters: { asOf: '2018-01-01' },
      viewport,
      snapshot: { nodes: {}, edges: {} },
    });
    expect(upgradeView({ ...v0, schemaVersion: 0 })).toEqual(upgraded);
  });

  it('gives a version-0 document without as-of date or query empty filters and no query', () => {
    const { asOf: _asOf, query: _query, ...bare } = v0;
    expect(upgradeView(bare)).toMatchObject({ filters: {}, query: null });
  });

  it('returns a current document unchanged', () => {
    expect(upgradeView(v1)).toEqual(v1);
  });

  it('refuses a newer schemaVersion, a broken old document, and anything that is not a document, naming the field', () => {
    expect(issuePaths(() => upgradeView({ ...v1, schemaVersion: 2 }))).toEqual(['schemaVersion']);
    expect(issuePaths(() => upgradeView({ ...v1, schemaVersion: 1.5 }))).toEqual(['schemaVersion']);
    expect(issuePaths(() => upgradeView({ ...v0, title: '' }))).toEqual(['title']);
    expect(issuePaths(() => upgradeView({ ...v0, elements: { nodes: ['d1', 'd1'], edges: [] } }))).toEqual(['elements.nodes.1']);
    expect(issuePaths(() => upgradeView([v0]))).toEqual(['']);
    expect(issuePaths(() => upgradeView(null))).toEqual(['']);
  });

  it('checks a current document as strictly as a save: unknown fields and forged fingerprints are refused', () => {
    expect(issuePaths(() => upgradeView({ ...v1, extra: true }))).toEqual(['']);
    expect(issuePaths(() => upgradeView({ ...v1, snapshot: { nodes: { d1: 'abc' }, edges: {} } }))).toEqual(['snapshot.nodes.d1']);
  });
});

describe('ViewContent', () => {
  const content = { title: 'x', query: null, elements: { nodes: ['a'], edges: [] }, positions: { a: { x: 1, y: 2 } }, layout: 'preset', viewport };

  it('defaults notes and filters', () => {
    expect(ViewContent.parse(content)).toEqual({ ...content, notes: '', filters: {} });
  });

  it('refuses a position for a node the view does not hold', () => {
    const parsed = ViewContent.safeParse({ ...content, positions: { b: { x: 1, y: 2 } } });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['positions.b', 'is not a node of the view']]);
  });

  it('refuses a snapshot from the client', () => {
    const parsed = ViewContent.safeParse({ ...content, snapshot: { nodes: {}, edges: {} } });
    expect(parsed.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['snapshot'] });
  });
});
