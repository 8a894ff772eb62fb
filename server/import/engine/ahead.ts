// One item of look-ahead: while the consumer works on item n (Neo4j writes a batch), the producer
// already prepares item n + 1 (reads, maps and matches the next rows), so the two overlap.

export async function* ahead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const request = () => {
    const pending = iterator.next();
    // Awaited below; until then a failure must not count as unhandled.
    pending.catch(() => {});
    return pending;
  };
  let pending = request();
  try {
    for (;;) {
      const next = await pending;
      if (next.done) return;
      pending = request();
      yield next.value;
    }
  } finally {
    // The consumer stopped early (a failed write): let the producer close its file.
    await iterator.return?.(undefined).catch(() => {});
  }
}
