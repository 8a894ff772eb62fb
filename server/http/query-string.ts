// Query-string and path values arrive as text; zod checks them, after this one conversion.

/** A number written as text becomes that number; anything else (absent, "ten", an array) passes as it is. */
export function numberOrRaw(value: unknown): unknown {
  return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
}
