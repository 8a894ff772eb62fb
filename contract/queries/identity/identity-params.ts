// Parameter and row schemas shared by the identity queries: judgements that records are one person.
import { z } from 'zod';
import { StableId } from '../../model.ts';
import { StoredInstant } from '../params.ts';

/** What an analyst answers about a pair: one person, two people, or cannot tell yet. */
export const Verdict = z.enum(['same', 'not-same', 'unsure']);
export type Verdict = z.infer<typeof Verdict>;

export const JudgementId = z.uuid('must be a judgement id (a UUID)');

/** Why, in the analyst's words: never evidence, so never cited as a source. */
export const JudgementNote = z.string().max(2_000, 'must be at most 2,000 characters').default('');

export const JudgementRow = z.object({
  id: JudgementId,
  leftId: StableId,
  rightId: StableId,
  verdict: Verdict,
  note: z.string(),
  /** The matcher's score and signals when the pair came from the queue, as JSON text; null when judged by hand. */
  reasons: z.string().nullable(),
  author: z.string(),
  judgedAt: StoredInstant,
  retractedAt: StoredInstant.nullable(),
  retractedBy: z.string().nullable(),
});
export type JudgementRow = z.infer<typeof JudgementRow>;
