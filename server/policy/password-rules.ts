// What a password must be to be accepted for an account: long enough, and not one that password
// crackers try early. The check is zxcvbn's (@zxcvbn-ts, with its bundled list of common passwords,
// keyboard walks, repeats and sequences; offline), in the spirit of NIST SP 800-63B: length plus a
// check against common and guessable values, no composition rules.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1000;

/** zxcvbn's score 3: at least 10^8 guesses even for an attacker who tries common passwords and patterns first. */
const MIN_SCORE = 3;

const estimator = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/** zxcvbn's warnings in words (its own words come in a separate language package). */
const WARNINGS: Record<string, string> = {
  common: 'is one of the most common passwords',
  similarToCommon: 'is too close to a common password',
  simpleRepeat: 'repeats one character or a short pattern',
  extendedRepeat: 'repeats a pattern',
  sequences: 'is a sequence such as "abc" or "6543"',
  keyPattern: 'is a run of keys on a keyboard',
  straightRow: 'is a row of keys on a keyboard',
  dates: 'is mostly a date',
  recentYears: 'is mostly a recent year',
  userInputs: 'is built from the account name',
};

/**
 * Why `password` is refused, or null when it is accepted. `context` holds words an attacker would try
 * first for this account (its user name).
 */
export async function passwordProblem(password: string, context: readonly string[] = []): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  if (password.trim() === '') return 'must not be only spaces';
  const estimate = await estimator.check(password, [...context]);
  if (estimate.score >= MIN_SCORE) return null;
  const why = (estimate.feedback.warning && WARNINGS[estimate.feedback.warning]) || 'is too easy to guess';
  return `${why}: choose a longer one, such as a few unrelated words`;
}
