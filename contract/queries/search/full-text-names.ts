// Parameters of full-text-names.cypher: the analyst's text becomes a Lucene query here, never Cypher.
import { z } from 'zod';
import { joinedKey, nameKey, nameWords } from '../../names.ts';
import { evidenceQuery } from '../define-query.ts';

/** Lucene's query syntax characters; escaped so typed text is matched, never parsed as operators. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

const escapeLucene = (term: string) => term.replace(LUCENE_SPECIAL, '\\$&');

/**
 * Every typed word must match, either as typed in any indexed field (name, nameZh, pinyin,
 * aliases) or through its folded spelling in `nameKeys` (contract/names.ts: "Chén Quánguó", "Uighur",
 * "Tursunjang" and "Kurban" meet "chen quanguo", "Uyghur", "Tursunjan" and "Qurban" there). Or the
 * words run together match a whole name's key, so "xi jinping", "xijinping" and "chen quan guo"
 * all find Xi Jinping and Chen Quanguo.
 * The last word also matches as a prefix, so "Chen Q" finds Chen Quanguo while it is being typed.
 * Cost: each prefix term is expanded to every indexed term that starts with it, in every field, so a
 * one-letter last word touches the most terms; the index holds only names, which keeps that small.
 * Earlier words match whole terms only, which keeps a long query from multiplying expansions.
 * Words are lower-cased first: the index folds case anyway, and Lucene's operators (AND, OR, NOT)
 * are upper-case only, so a typed "AND" stays a word.
 */
function toLuceneQuery(text: string): string {
  const words = nameWords(text.toLowerCase());
  const keys = words.map(nameKey);
  const clauses = words.map((word, i) => {
    const terms = [escapeLucene(word), ...(keys[i] ? [`nameKeys:${escapeLucene(keys[i])}`] : [])];
    const last = i === words.length - 1;
    return `(${(last ? terms.flatMap((term) => [term, `${term}*`]) : terms).join(' OR ')})`;
  });
  const joined = escapeLucene(joinedKey(words));
  if (words.length < 2 || !joined) return clauses.join(' AND ');
  return `(${clauses.join(' AND ')}) OR nameKeys:${joined} OR nameKeys:${joined}*`;
}

/** Shared with public-names.ts: the same search over the names a redacted reader may find. */
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

// The searched text is never echoed to a redacted reader: a view saved from a search would carry the name.
export const query = evidenceQuery({ name: 'full-text-names', params, disclosed: { parameters: ['limit'], columns: [] } });
