// Parameters of full-text-names.cypher: the analyst's text becomes a Lucene query here, never Cypher.
import { z } from 'zod';

/** Lucene's query syntax characters; escaped so typed text is matched, never parsed as operators. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Each word matches whole or as a prefix (so "Chen Q" finds "Chen Quanguo"). Words are lower-cased
 * first: the index folds case anyway, and Lucene's operators (AND, OR, NOT) are upper-case only, so
 * a typed "AND" stays a word.
 */
export function toLuceneQuery(text: string): string {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(LUCENE_SPECIAL, '\\$&'))
    .map((word) => `(${word} OR ${word}*)`)
    .join(' AND ');
}

export const params = z.object({
  query: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .transform(toLuceneQuery)
    .refine((query) => query.length > 0, 'must contain a word'),
  limit: z.number().int().min(1).max(100).default(20),
});
