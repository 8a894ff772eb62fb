// The shape of the public-record reference file (seed/public-record.json), checked by zod when read,
// and how its confidence marks map onto the model's.
import { z } from 'zod';
import type { Confidence } from '../../contract/model.ts';

export const ReferenceConfidence = z.enum(['stated', 'inferred', 'unverified']);

/**
 * The reference's three marks mapped onto the model's. "stated" (the cited text says so) is our
 * confirmed; "inferred" stays inferred; "unverified" (a claim no source read confirms) is kept
 * only as reported, which ranks it above an inference but never as confirmed.
 */
export const confidenceOf: Record<z.infer<typeof ReferenceConfidence>, Confidence> = {
  stated: 'confirmed',
  inferred: 'inferred',
  unverified: 'reported',
};

const Source = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullish(),
  date: z.string().nullish(),
  url: z.string().nullish(),
  note: z.string().nullish(),
});
const Post = z.object({
  title: z.string(),
  org: z.string(),
  from: z.string().nullish(),
  to: z.string().nullish(),
  source_ids: z.array(z.string()),
  confidence: ReferenceConfidence,
  note: z.string().nullish(),
});
const SanctionEntry = z.object({
  authority: z.string(),
  program: z.string().nullish(),
  date: z.string().nullish(),
  measures: z.string().nullish(),
  source_ids: z.array(z.string()),
  confidence: ReferenceConfidence,
});
const Person = z.object({
  id: z.string(),
  name_en: z.string(),
  name_zh: z.string().nullish(),
  pinyin: z.string().nullish(),
  aliases: z.array(z.string()).default([]),
  posts: z.array(Post),
  sanctions: z.array(SanctionEntry).default([]),
  notes: z.string().nullish(),
});
const Figure = z.object({
  claim: z.string(),
  value: z.string(),
  source_ids: z.array(z.string()),
  confidence: ReferenceConfidence,
  note: z.string().nullish(),
});
const Organization = z.object({
  id: z.string(),
  name_en: z.string(),
  name_zh: z.string().nullish(),
  level: z.string(),
  parent_id: z.string().nullish(),
  source_ids: z.array(z.string()),
  confidence: ReferenceConfidence,
});
const Directive = z.object({
  id: z.string(),
  title: z.string(),
  title_zh: z.string().nullish(),
  date: z.string().nullish(),
  issuer_ids: z.array(z.string()),
  summary: z.string().nullish(),
  recipients: z.string().nullish(),
  note: z.string().nullish(),
  source_ids: z.array(z.string()),
  confidence: ReferenceConfidence,
});
const Facility = z.object({
  id: z.string(),
  name: z.string(),
  name_zh: z.string().nullish(),
  type: z.string(),
  county: z.string().nullish(),
  prefecture: z.string().nullish(),
  lat: z.number().nullish(),
  lon: z.number().nullish(),
  source_ids: z.array(z.string()),
  confidence: ReferenceConfidence,
  note: z.string().nullish(),
});
const HierarchyLink = z.object({
  from_id: z.string(),
  to_id: z.string(),
  relation: z.string(),
  from_date: z.string().nullish(),
  to_date: z.string().nullish(),
  source_ids: z.array(z.string()),
  confidence: ReferenceConfidence,
  note: z.string().nullish(),
});
export const Reference = z.object({
  sources: z.array(Source),
  people: z.array(Person),
  organizations: z.array(Organization),
  directives: z.array(Directive),
  facilities: z.array(Facility),
  hierarchy: z.array(HierarchyLink),
  figures: z.array(Figure),
});
export type Reference = z.infer<typeof Reference>;
