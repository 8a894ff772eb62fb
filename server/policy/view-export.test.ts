// readExportFile: an export file back into versions, upgraded, or a 400 naming each bad field.
import { describe, expect, it } from 'vitest';
import { BadInput } from '../errors.ts';
import { readExportFile } from './view-export.ts';

const viewport = { zoom: 1, pan: { x: 0, y: 0 } };
const document = {
  schemaVersion: 1,
  title: 'Second',
  notes: '',
  query: null,
  elements: { nodes: ['a'], edges: [] },
  positions: {},
  layout: 'preset',
  filters: {},
  viewport,
  snapshot: { nodes: {}, edges: {} },
};
const v0Document = { title: 'First', elements: { nodes: ['a'], edges: [] }, viewport, asOf: '2017-06-01' };
const file = {
  format: 'xpf-explorer/view',
  exportedAt: '2025-02-01T00:00:00.000Z',
  view: { id: 'ignored', title: 'Second' },
  versions: [
    { version: 1, savedAt: '2025-01-01T00:00:00.000Z', author: 'ana', document: v0Document },
    { version: 2, savedAt: '2025-01-02T00:00:00.000Z', author: 'ben', document },
  ],
};

function fields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof BadInput) return error.errors!.map((problem) => problem.field);
    throw error;
  }
  throw new Error('expected a BadInput');
}

describe('readExportFile', () => {
  it('reads every version, upgrading old documents, and keeps who saved each when', () => {
    const versions = readExportFile(file);
    expect(versions.map(({ version, author, savedAt, title }) => ({ version, author, savedAt, title }))).toEqual([
      { version: 1, author: 'ana', savedAt: '2025-01-01T00:00:00.000Z', title: 'First' },
      { version: 2, author: 'ben', savedAt: '2025-01-02T00:00:00.000Z', title: 'Second' },
    ]);
    expect(versions[0]!.document).toMatchObject({ schemaVersion: 1, layout: 'preset', filters: { asOf: '2017-06-01' } });
  });

  it('names every bad field, inside documents too', () => {
    expect(fields(() => readExportFile({ ...file, format: 'something-else' }))).toEqual(['format']);
    expect(fields(() => readExportFile({ ...file, versions: [] }))).toEqual(['versions']);
    expect(fields(() => readExportFile([]))).toEqual(['(body)']);
    const broken = [
      { ...file.versions[0]!, version: 2, document: { ...v0Document, title: '' } },
      { ...file.versions[1]!, document: { ...document, schemaVersion: 7, colour: 'red' } },
    ];
    expect(fields(() => readExportFile({ ...file, versions: broken }))).toEqual([
      'versions.0.version',
      'versions.0.document.title',
      'versions.1.document.schemaVersion',
    ]);
    expect(fields(() => readExportFile({ ...file, versions: [{ ...file.versions[1]!, version: 1, document: { ...document, colour: 'red' } }] }))).toEqual([
      'versions.0.document.colour',
    ]);
  });
});
