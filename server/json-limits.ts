// Nesting of JSON a client sends, checked on the raw bytes before anything parses or walks it: zod's
// schemas and the server's own walkers recurse, so a body nested ten thousand levels deep would
// overflow the stack and answer 500 instead of the 400 it deserves.

/** Request bodies nest no deeper than this (a saved view document is about 6 levels deep). */
export const MAX_BODY_NESTING = 32;

/** True when `bytes`, read as JSON, opens more than `max` arrays and objects inside one another. */
export function nestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c)
        i += 1; // a backslash escapes the next byte, a quote included
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth -= 1;
  }
  return false;
}
