// An HTTP call and the bare driver's run of the same Cypher, timed in turn (bench:api's queries and its
// saved view).
/**
 * Times `runs` calls of each side, interleaved (HTTP then driver, then driver then HTTP, and so on), on
 * a server that has been answering a while: both sides see the same JVM, the same caches and
 * the same load from the rest of the machine. Timed one side after the other, the second ran on a JVM
 * the first had warmed further (HTTP went first, so its ratios came out high). `http` answers its HTTP
 * status; an answer that is not a success is counted, not timed.
 */
export async function timePaired(
  runs: number,
  http: () => Promise<number>,
  bare: () => Promise<unknown>,
): Promise<{ http: number[]; bare: number[]; failedStatuses: number[] }> {
  const samples = { http: [] as number[], bare: [] as number[], failedStatuses: [] as number[] };
  const timeHttp = async () => {
    const started = performance.now();
    const status = await http();
    if (status >= 200 && status < 300) samples.http.push(performance.now() - started);
    else samples.failedStatuses.push(status);
  };
  const timeBare = async () => {
    const started = performance.now();
    await bare();
    samples.bare.push(performance.now() - started);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await timeHttp();
      await timeBare();
    } else {
      await timeBare();
      await timeHttp();
    }
  }
  samples.http.sort((a, b) => a - b);
  samples.bare.sort((a, b) => a - b);
  return samples;
}
