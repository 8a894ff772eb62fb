// JSON a client sends that the server keeps or renders (a saved view's query parameters, an exported
// Result's properties): every text, list and map bounded, so no request can grow the graph, the audit
// log or a rendering without limit. Nesting is bounded before parsing (server/json-limits.ts).
import { z } from 'zod';
import type { Json } from './result.ts';

export const jsonBounds = {
  /** Characters of one text value. */
  textLength: 20_000,
  /** Characters of a key (a property name, a parameter name). */
  keyLength: 200,
  /** Keys of one map. */
  keys: 100,
  /** Items of one list. */
  listItems: 1_000,
} as const;

export function boundedText(max: number) {
  return z.string().max(max, `must be at most ${max.toLocaleString('en')} characters`);
}

/** A map of at most `maxKeys` keys, each a bounded text. */
export function keyedBy<V extends z.ZodType>(value: V, maxKeys: number = jsonBounds.keys) {
  return z
    .record(boundedText(jsonBounds.keyLength), value)
    .refine((record) => Object.keys(record).length <= maxKeys, `must have at most ${maxKeys.toLocaleString('en')} keys`);
}

/** Any JSON value, its texts, lists and maps bounded. */
export const boundedJson: z.ZodType<Json> = z.lazy(() =>
  z.union([
    boundedText(jsonBounds.textLength),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(boundedJson).max(jsonBounds.listItems, `must have at most ${jsonBounds.listItems.toLocaleString('en')} items`),
    keyedBy(boundedJson),
  ]),
);
