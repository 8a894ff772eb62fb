// Parameter schemas shared by several curated queries, so each rule and its message is written once.
import { z } from 'zod';

/** Stable ids are ours (seed, importer): short, printable, no whitespace. */
export const EntityId = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\p{L}\p{N}_.:-]+$/u, 'may hold only letters, digits, "_", ".", ":" and "-"');
