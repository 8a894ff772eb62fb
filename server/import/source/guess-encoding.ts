// A guess of a file's encoding from its bytes (chardet's statistics), for the message that refuses it.
import { analyse } from 'chardet';

/** The likeliest encoding other than UTF-8 (the one that just failed), as iconv-lite takes it, or null. */
export function guessEncoding(sample: Buffer): string | null {
  return analyse(sample).find((candidate) => !/^UTF-8$/i.test(candidate.name) && candidate.confidence >= 10)?.name ?? null;
}
