// A mapped import cancelled while it writes takes back what its committed batches wrote: nothing of
// it stays in the graph, and its record says it was undone.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { runMappedImport } from '../../server/import/engine/mapped-import.ts';
import { parseMapping } from '../../server/import/mapping/load-mapping.ts';
import { testDriver, testExecutor } from '../support/neo4j.ts';
import { writeRoster } from '../bench/mapped-import.bench.ts';

let driver: Driver;
let scratch: string;

const MAPPING = `schemaVersion: 1
namespace: test-cancel
entities:
  detainee:
    kind: Detainee
    key: [身份证号]
    properties: { name: 姓名, idNumber: 身份证号, birthDate: { column: 出生日期, date: YYYY年M月D日 }, synthetic: { literal: true } }
unmapped:
  drop: [序号, 民族, 住址, 关押场所, 入所日期, 备注]
`;

beforeAll(async () => {
  driver = testDriver();
  scratch = await mkdtemp(join(tmpdir(), 'test-cancel-'));
});
afterAll(async () => {
  await driver.executeQuery("MATCH (node:Entity) WHERE node.id STARTS WITH 'test-cancel:' DETACH DELETE node");
  await driver.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('cancelling an import', () => {
  it('while it writes leaves nothing of it behind', { timeout: 600_000 }, async () => {
    const path = join(scratch, 'roster.csv');
    await writeRoster(path, { rows: 4_000 });
    const controller = new AbortController();
    const written = async () =>
      Number((await driver.executeQuery("RETURN COUNT { MATCH (n:Detainee) WHERE n.id STARTS WITH 'test-cancel:' } AS n")).records[0]!.get('n'));
    let checking: Promise<void> | null = null;
    let before = 0;
    const result = await runMappedImport(await testExecutor(driver, 600_000), {
      path,
      name: 'roster.csv',
      mapping: parseMapping('cancel.yaml', MAPPING),
      who: 'test-cancel',
      batchSize: 250,
      signal: controller.signal,
      onProgress: (progress) => {
        // Cancelled once a batch is in the graph (looked at, not assumed, on the next progress after each look).
        if (progress.state !== 'writing' || checking || controller.signal.aborted) return;
        checking = written().then((count) => {
          before = count;
          if (count > 0) controller.abort();
          else checking = null;
        });
      },
    });
    await checking;
    expect(before).toBeGreaterThan(0);
    expect(result.status).toBe('cancelled');
    const { records } = await driver.executeQuery(
      "RETURN COUNT { MATCH (n:Entity) WHERE n.id STARTS WITH 'test-cancel:' } AS nodes, COLLECT { MATCH (r:_Import {id: $id}) RETURN r.status } AS status",
      { id: result.importId },
    );
    expect(Number(records[0]!.get('nodes'))).toBe(0);
    expect(records[0]!.get('status')).toEqual(['undone']);
  });
});
