// Whether an ID number can tell one person from another. Rosters write a placeholder where a person
// has none on record ("无", "不详", "-", "0", "000000000000000000"): taken as an identifier, it makes
// everyone without a number one person, the same ID number merging them on import and scoring them
// as one in the identity index.

/**
 * The ID number when it can identify someone: at least six characters besides spaces and dashes,
 * a digit among them, and not one character repeated. Else null: a placeholder, matched by nothing.
 */
export function identifyingIdNumber(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const compact = value.replace(/[\s-]/g, '');
  return compact.length >= 6 && /\d/.test(compact) && !/^(.)\1*$/u.test(compact) ? value : null;
}
