// Waiting in tests for something the app or Neo4j does in its own time: asked again and again, never
// past a limit, and a failure that says what was awaited.

/**
 * Seconds until `condition` holds, asked every `everyMs` (200 by default; less where the moment itself
 * is measured); throws past `withinMs`, naming `what` was awaited.
 */
export async function secondsUntil(
  condition: () => boolean | Promise<boolean>,
  withinMs: number,
  { what, everyMs = 200 }: { what?: string; everyMs?: number } = {},
): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < withinMs) {
    if (await condition()) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`${what ? `${what}: ` : ''}not within ${withinMs / 1000} s`);
}
