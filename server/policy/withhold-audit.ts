// The audit log as a redacted reader (an admin under REDACT=1) receives it: who did what to which ids,
// and when, by allow-list. A query's parameters are those the query itself discloses; a `query` field
// that names no query of the catalogue (a client's export may put any text there) is withheld.
import type { Json } from '../../contract/result.ts';
import type { AuditEntry } from './audit-log.ts';
import { disclosedParameters, isResultQuery } from './withhold.ts';

/** Parameters the server writes itself from checked values: formats, roles, sharing, the audit's own filters, text lengths. */
const SERVER_WORDS = new Set(['format', 'part', 'visibility', 'role', 'disabled', 'action', 'from', 'to', 'textLength', 'parameterCount', 'ended']);

/** Admin raw Cypher is logged under this name (its text by length only). */
const RAW_CYPHER = 'admin-cypher';

function parsed(parameters: string | null): Record<string, Json> | null {
  if (parameters === null) return null;
  try {
    const value = JSON.parse(parameters) as Json;
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

export function withholdAuditEntry(entry: AuditEntry): AuditEntry {
  const known = entry.query !== null && (entry.query === RAW_CYPHER || isResultQuery(entry.query));
  const query = known ? entry.query : null;
  const parameters = parsed(entry.parameters);
  if (!parameters) return { ...entry, query, parameters: null };
  const server = Object.fromEntries(Object.entries(parameters).filter(([key]) => SERVER_WORDS.has(key)));
  const shown = query && query !== RAW_CYPHER ? { ...server, ...disclosedParameters(query, parameters) } : server;
  return { ...entry, query, parameters: JSON.stringify(shown) };
}
