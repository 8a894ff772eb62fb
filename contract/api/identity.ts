// The identity routes' bodies and answers, shared by the server and the review queue in the browser.
import { z } from 'zod';
import { Signal } from '../identity/match-rules.ts';
import { JudgementNote, JudgementRow, Verdict } from '../queries/identity/identity-params.ts';
import { StableId } from '../model.ts';

export { Verdict, JudgementRow };

export const JudgementBody = z
  .object({
    leftId: StableId,
    rightId: StableId,
    verdict: Verdict,
    note: JudgementNote,
    /** The matcher's reasons as the queue showed them; kept with the judgement (why it was put to the analyst). */
    reasons: z
      .object({ score: z.number().min(0).max(1), signals: z.array(Signal).max(20) })
      .nullable()
      .default(null),
  })
  .strict();
export type JudgementBody = z.input<typeof JudgementBody>;

/** Split the identity `id` belongs to: every "same" judgement that joins it is retracted. */
export const SplitBody = z.object({ id: StableId }).strict();

export const CandidateAnswer = z.object({
  leftId: z.string(),
  rightId: z.string(),
  score: z.number(),
  signals: z.array(Signal),
  sharedKeys: z.array(z.string()),
});
export type CandidateAnswer = z.infer<typeof CandidateAnswer>;

export const CandidatesAnswer = z.object({
  candidates: z.array(CandidateAnswer),
  /** How many there were before `limit` cut the list. */
  total: z.number().int(),
  /** What blocking did: records, blocks, oversized blocks, pairs compared (never all pairs). */
  stats: z.record(z.string(), z.number()),
});
export type CandidatesAnswer = z.infer<typeof CandidatesAnswer>;

export const IdentityAnswer = z.object({
  /** The identity's id (its smallest member id), or null when the record is judged the same as no other. */
  id: z.string().nullable(),
  members: z.array(z.string()),
  judgements: z.array(JudgementRow),
});
export type IdentityAnswer = z.infer<typeof IdentityAnswer>;
