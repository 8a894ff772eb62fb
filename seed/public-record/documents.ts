// The record's sources as Document nodes (the citations every other row points at), and the figures
// the sources state.
import { parsePartialDate } from '../dates.ts';
import type { Reference } from './reference.ts';
import { compact, type NodeInput, provenance, type RawRows } from './rows.ts';

export const PUBLIC_RECORD_COLLECTION = 'Public record (shared/reference/public-record.json)';

export function documentRows(reference: Reference): RawRows {
  const nodes = reference.sources.map((source): NodeInput => {
    const date = parsePartialDate(source.date);
    const dateText = date && (date.precision === 'day' ? date.start : date.precision === 'month' ? date.start.slice(0, 7) : date.start.slice(0, 4));
    // A date the record qualifies ("2022 (printed '12/06/2022', ...)") keeps its words in the notes.
    const dateNote = source.date && source.date !== dateText ? `Date as recorded: ${source.date}` : undefined;
    return {
      id: source.id,
      labels: ['Document'],
      properties: compact({
        name: source.title,
        collection: PUBLIC_RECORD_COLLECTION,
        publisher: source.publisher,
        date: dateText,
        url: source.url,
        notes: [source.note, dateNote].filter(Boolean).join(' ') || undefined,
        confidence: 'confirmed',
        synthetic: false,
      }),
    };
  });
  return { nodes, relationships: [] };
}

export function figureRows(reference: Reference): RawRows {
  const nodes = reference.figures.map(
    (figure, index): NodeInput => ({
      id: `figure:${String(index + 1).padStart(2, '0')}`,
      labels: ['Figure'],
      properties: compact({ name: figure.claim, value: figure.value, notes: figure.note, ...provenance(figure.source_ids, figure.confidence) }),
    }),
  );
  return { nodes, relationships: [] };
}
