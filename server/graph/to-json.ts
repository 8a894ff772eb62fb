// Driver values as plain JSON, in one place: every answer, row and export goes through toJson.
import neo4j from 'neo4j-driver';
import type { Json } from '../../contract/result.ts';

/** Driver values to JSON: Integer -> number (string past 2^53), temporal and spatial -> ISO text. */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  // Most values are text and numbers: answered before the driver's eight type tests, which every value
  // went through first and which a profile of the app under load put beside the Bolt decoding itself.
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(toJson);
  if (neo4j.isInt(value)) return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : neo4j.integer.toString(value);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isPoint(value)) return { srid: toJson(value.srid), x: value.x, y: value.y, ...(value.z === undefined ? {} : { z: value.z }) };
  // fromEntries, not assignment: a property an import named "__proto__" stays a property.
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, toJson(inner)]));
}
