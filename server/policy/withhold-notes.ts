// What a reader receives of analysts' notes and hypothesis links. An analyst's words may name the
// person they are about, so a redacted reader (a viewer; everyone under REDACT=1) gets another
// analyst's text, caption and tags withheld, as for a view's title: only who wrote what kind of note
// on which id, and when. Every note is marked as no evidence.
import type { NoteAnswer } from '../../contract/api/notes.ts';
import type { NoteRow } from '../../contract/queries/notes/note-params.ts';
import type { ViewReader } from './withhold-views.ts';

/**
 * Whose notes' words this reader gets: every author's (null) when unredacted, else only their own. What a
 * note shows and what a search of notes may match both follow from it.
 */
export function noteWordsReadBy(reader: ViewReader): string[] | null {
  if (!reader.redacted) return null;
  return reader.id === null ? [] : [reader.id];
}

/** Whether this reader gets the note's words: unredacted readers, and its author. */
function readsOwnWords(reader: ViewReader, note: NoteRow): boolean {
  const authors = noteWordsReadBy(reader);
  return authors === null || authors.includes(note.owner);
}

export function withholdNote(note: NoteRow, reader: ViewReader): NoteAnswer {
  if (readsOwnWords(reader, note)) return { ...note, evidence: false, words: true };
  return {
    ...note,
    caption: note.kind === 'hypothesis' ? 'hypothesis' : null,
    text: `${note.author}’s ${note.kind} of ${note.createdAt.slice(0, 10)} (words withheld)`,
    tags: [],
    evidence: false,
    words: false,
  };
}
