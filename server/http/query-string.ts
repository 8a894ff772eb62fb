// Query-string and path values arrive as text; zod checks them, after this one conversion.

/** A number written as text becomes that number; anything else (absent, "ten", an array) passes as it is. */
export function numberOrRaw(value: unknown): unknown {
  return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
}

/** `true` and `false` as text become booleans; anything else passes as it is, for zod to refuse. */
export function booleanOrRaw(value: unknown): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

/** A repeated key (`kind=A&kind=B`) or one value: a list either way; absent stays absent. */
export function listOrRaw(value: unknown): unknown {
  return typeof value === 'string' ? [value] : value;
}
