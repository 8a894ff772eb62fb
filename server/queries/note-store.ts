// Analysts' notes and hypothesis links in Neo4j (`_Note` records), each call one curated query of contract/queries/notes.
import { queries } from '../../contract/queries/index.ts';
import type { NoteKind, NoteRow, NoteTargetKind } from '../../contract/queries/notes/note-params.ts';
import type { GraphExecutor } from '../graph/executor.ts';

export interface NewNoteRecord {
  id: string;
  kind: NoteKind;
  targetKind: NoteTargetKind;
  targetId: string;
  toId: string | null;
  caption: string | null;
  text: string;
  tags: string[];
  author: string;
  owner: string;
  visibility: 'private' | 'shared';
  createdAt: string;
}

/**
 * Text to look for in notes, and whose notes it may match (null: every note's). Who may read whose words
 * is the policy's to say (EvidenceAnswers.noteSearch), never the caller's.
 */
export interface NoteSearch {
  text: string;
  wordsOf: string[] | null;
}

/** What a write found: `written` only when every id it names exists. */
export interface NoteWriteOutcome {
  targetExists: boolean;
  toExists: boolean;
  written: boolean;
}

export class NoteStore {
  constructor(private readonly graph: GraphExecutor) {}

  async create(note: NewNoteRecord): Promise<NoteWriteOutcome> {
    const outcome = await this.graph.record(queries.createNote, note);
    return outcome ?? { targetExists: false, toExists: false, written: false };
  }

  /** Notes this user may read: on `targetIds` (null for all), matching `search` (null for any). */
  list(viewerId: string, targetIds: string[] | null, search: NoteSearch | null, limit: number): Promise<NoteRow[]> {
    return this.graph.records(queries.listNotes, {
      viewerId,
      targetIds,
      text: search?.text.toLowerCase() ?? null,
      wordsOf: search?.wordsOf ?? null,
      limit,
    });
  }

  read(id: string): Promise<NoteRow | null> {
    return this.graph.record(queries.readNote, { id });
  }

  /** False when there is no such note. */
  async setVisibility(id: string, visibility: 'private' | 'shared'): Promise<boolean> {
    return (await this.graph.records(queries.changeNote, { id, visibility, deletedAt: null, deletedBy: null })).length > 0;
  }

  async remove(id: string, deletedBy: string, deletedAt: string): Promise<boolean> {
    return (await this.graph.records(queries.changeNote, { id, visibility: null, deletedAt, deletedBy })).length > 0;
  }
}
