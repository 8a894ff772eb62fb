// The schema file's statements, and which of them a store still needs: start-up runs only those
// (GraphExecutor.applySchema), given what schema-state.cypher says is in place.
import type { CatalogueEntry } from './catalogue.ts';

/** The statements of a schema file, split at each `;` that ends a line. */
export function schemaStatements(entry: CatalogueEntry): string[] {
  return entry.cypher
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

/** What a schema statement creates (`CREATE CONSTRAINT name IF NOT EXISTS …`, `CREATE [kind] INDEX name …`), or null. */
export function schemaObjectOf(statement: string): { kind: 'constraint' | 'index'; name: string } | null {
  const found = /^CREATE\s+(CONSTRAINT|(?:\w+\s+)?INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS\b/i.exec(statement);
  if (!found) return null;
  return { kind: /^CONSTRAINT$/i.test(found[1]!) ? 'constraint' : 'index', name: found[2]! };
}

/**
 * The constraints and indexes an answer of schema-state shows, as `constraint <name>` and `index <name>`:
 * a plain index named like a constraint is not that constraint (its statement would have failed).
 */
export function schemaInPlace(indexes: readonly { name: string; owningConstraint: string | null }[]): Set<string> {
  return new Set(indexes.map((index) => (index.owningConstraint === null ? `index ${index.name}` : `constraint ${index.owningConstraint}`)));
}

/** Of a schema's statements, those whose constraint or index is not in place, or that say not what they create. */
export function schemaStatementsToRun(statements: readonly string[], inPlace: ReadonlySet<string>): string[] {
  return statements.filter((statement) => {
    const created = schemaObjectOf(statement);
    return created === null || !inPlace.has(`${created.kind} ${created.name}`);
  });
}
