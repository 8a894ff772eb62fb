// Values in words for the panels: dates at their recorded precision, lists joined, unknowns said plainly, instants in local time.
import type { Json } from '../../../contract/result.ts';

/**
 * A partial date from a source is stored as the first (for `from`) or last (for `to`) day of its
 * period, with its precision kept; show it as recorded ("2016-08"), not as a day it never named.
 */
export function formatDate(iso: string, precision: Json | undefined): string {
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'month') return iso.slice(0, 7);
  return iso;
}

/** A validity window in words: no `from` is an unknown start, no `to` a link still in force. */
export function formatValidity(properties: Record<string, Json>): string | null {
  const { from, to, fromPrecision, toPrecision } = properties;
  if (from === undefined && to === undefined) return null;
  const start = typeof from === 'string' ? formatDate(from, fromPrecision) : 'unknown start';
  const end = typeof to === 'string' ? formatDate(to, toPrecision) : 'open-ended';
  return `${start} to ${end}`;
}

export function formatValue(value: Json): string {
  if (value === null) return 'unknown';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(formatValue).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Only web addresses become links: a `javascript:` or `file:` URL in a record must stay inert text. */
export function safeLink(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

/** A stored instant (ISO) in the reader's own locale and time zone; anything unreadable as it came. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
