// Stable ids from a mapping's keys: `<namespace>:<kind>:<key values>`, readable where the values
// allow, exact always. The same row of the same file gives the same id on every run, and two
// mappings with different namespaces never give the same one. A protected person's id says nothing
// of its keys: ids reach every reader, a viewer included, and a roster's keys are ID numbers and names.
import { createHash, createHmac } from 'node:crypto';
import type { Cell } from '../readers/table.ts';

/** Past this many characters a key is cut and its hash says the rest. */
const READABLE_KEY = 120;

function hash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * The key part of an id: each value as written, characters an id may not hold turned to "-", joined
 * by ":". When that lost anything (a space, a slash, the case of two values that differ only
 * there) or is long, a hash of the exact values follows, so two different keys never meet.
 */
export function keyPart(values: readonly Cell[]): string {
  const exact = values.map((value) => String(value).normalize('NFC').trim());
  const readable = exact.map((value) => value.replace(/[^\p{L}\p{N}_.-]+/gu, '-')).join(':');
  const lossless = readable === exact.join(':') && readable.length <= READABLE_KEY;
  return lossless ? readable : `${readable.slice(0, READABLE_KEY)}.${hash(exact.join('\u0000'), 12)}`;
}

export function nodeId(namespace: string, kind: string, values: readonly Cell[]): string {
  return `${namespace}:${kind.toLowerCase()}:${keyPart(values)}`;
}

/**
 * A protected person's id (a detainee, a relative): `<namespace>:<kind>:k<32 hex digits>`, an HMAC
 * of the exact key values under the graph's own key (contract/queries/import/node-id-key.cypher).
 * Stable as nodeId is, for every process writing to that graph; without the key it can be neither
 * read back to an ID number nor tested against a guessed one (`GET /api/nodes/<id>` answers 404
 * alike for every id nobody was given).
 */
export function protectedNodeId(namespace: string, kind: string, values: readonly Cell[], key: string): string {
  const exact = values.map((value) => String(value).normalize('NFC').trim());
  const keyed = createHmac('sha256', Buffer.from(key, 'hex'))
    .update([namespace, kind, ...exact].join('\u0000'))
    .digest('hex');
  return `${namespace}:${kind.toLowerCase()}:k${keyed.slice(0, 32)}`;
}

/** A link's id: its type and its two ends (one link of a type between two nodes per mapping). */
export function linkId(namespace: string, type: string, source: string, target: string): string {
  return `${namespace}:${type.toLowerCase()}:${hash(`${source}\u0000${target}`, 20)}`;
}

/**
 * The Document a file becomes: named by an HMAC of its SHA-256 under the graph's key, so the same file
 * is the same Document in that graph. Not by the SHA-256 itself: the id reaches every reader, and
 * with it anyone holding a copy of a leaked file could learn whether it was brought in here (the
 * model withholds an unpublished Document's checksum for the same reason).
 */
export function fileDocumentId(sha256: string, key: string): string {
  const keyed = createHmac('sha256', Buffer.from(key, 'hex')).update(`file\u0000${sha256.toLowerCase()}`).digest('hex');
  return `file:k${keyed.slice(0, 32)}`;
}
