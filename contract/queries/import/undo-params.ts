// Shapes shared by the queries that undo an import.
import { z } from 'zod';

/** What one import claimed on an element it did not create (merge-import-nodes writes it). */
export const Claim = z.object({
  importId: z.string(),
  preexisting: z.boolean(),
  citedSources: z.array(z.string()),
  addedSources: z.array(z.string()),
  filled: z.array(z.string()),
  agreed: z.array(z.string()),
  addedLabels: z.array(z.string()),
  addedAliases: z.array(z.string()),
});
export type Claim = z.infer<typeof Claim>;

/** An element an import asserts, with every claim on it. */
export const AssertedElement = z.object({
  elementId: z.string(),
  id: z.string(),
  imports: z.array(z.string()),
  labels: z.array(z.string()),
  properties: z.object({
    name: z.string().nullish(),
    nameZh: z.string().nullish(),
    pinyin: z.string().nullish(),
    aliases: z.array(z.string()).nullish(),
    sources: z.array(z.string()).nullish(),
    nameKeys: z.array(z.string()).nullish(),
    matchKeys: z.array(z.string()).nullish(),
  }),
  claims: z.array(Claim),
});
export type AssertedElement = z.infer<typeof AssertedElement>;

/** What undo does to an element it keeps: the values it sets and the keys and labels it takes away. */
export const Retraction = z.object({
  elementId: z.string(),
  imports: z.array(z.string()),
  sources: z.array(z.string()).nullable(),
  aliases: z.array(z.string()).nullable(),
  nameKeys: z.array(z.string()).nullable(),
  matchKeys: z.array(z.string()).nullable(),
  unset: z.array(z.string()),
  removeLabels: z.array(z.string()),
  /** The import that becomes the element's creator when the undone one created it: its claim is dropped. */
  promote: z.string().nullable(),
});
export type Retraction = z.infer<typeof Retraction>;
