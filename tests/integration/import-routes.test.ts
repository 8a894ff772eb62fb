// Import in the browser, over HTTP as the page does it: viewers refused, an upload cut off mid-way
// leaves nothing behind, one past the limit is refused, and a file goes from upload through
// inspection, preview and check to an import, its progress, the history and an audited undo.
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportProgress, UploadAnswer } from '../../contract/api/imports.ts';
import { type AnswerBody, startTestApp, testDriver, type Client, type TestApp } from '../support/neo4j.ts';

const dir = 'tests/fixtures/import/mapped';
let app: TestApp;
let analyst: Client;

beforeAll(async () => {
  app = await startTestApp();
  analyst = await app.login('analyst');
});
afterAll(async () => {
  await app.driver.executeQuery("MATCH (node:Entity) WHERE node.id STARTS WITH 'test-routes-' DETACH DELETE node");
  await app.close();
});

async function upload(client: Client, name: string, body: Buffer) {
  const response = await client.fetch('/api/imports/uploads', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
    body: new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as AnswerBody };
}

/** Polls a job until it ends; the server answers each poll at once. */
async function finished(client: Client, jobId: string): Promise<ImportProgress> {
  for (;;) {
    const progress = ImportProgress.parse((await client.get(`/api/imports/jobs/${jobId}`)).body);
    if (!['reading', 'validating', 'writing'].includes(progress.state)) return progress;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('import routes', () => {
  it('refuse viewers on every import route', async () => {
    const viewer = await app.login('viewer');
    expect((await upload(viewer, 'x.csv', Buffer.from('a\n1\n'))).status).toBe(403);
    expect((await viewer.get('/api/imports')).status).toBe(403);
    expect((await viewer.post('/api/imports/x/undo')).status).toBe(403);
  });

  it('leave nothing behind when an upload is cut off mid-way', async () => {
    const url = new URL(`${app.baseUrl}/api/imports/uploads`);
    await new Promise<void>((resolve) => {
      const req = request(url, {
        method: 'POST',
        headers: { ...analyst.headers, 'content-type': 'application/octet-stream', 'x-file-name': 'cut.csv', 'content-length': '1000000' },
      });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(200_000, 0x61));
      // The client goes away after a fifth of the file.
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 300);
    });
    // The server notices the cut when its socket closes: wait for that, not for a fixed time.
    await expect.poll(() => app.uploadFiles(), { timeout: 10_000 }).toEqual([]);
  });

  it('keep a file that does not read as UTF-8, say why, and read it in the encoding the analyst names', async () => {
    const uploaded = UploadAnswer.parse((await upload(analyst, 'roster.csv', await readFile(`${dir}/roster-gb18030.csv`))).body);
    expect(uploaded.inspection).toBeNull();
    expect(uploaded.problem).toMatch(
      /^roster\.csv:1: not valid UTF-8 at byte 0 \(0xD0 0xF2 0xBA 0xC5\); it looks like GB18030: declare it \(the encoding field GB18030/,
    );
    // The guess also comes as a field, for the browser to offer; an empty encoding is refused, naming the field.
    expect(uploaded.encodingGuess).toBe('GB18030');
    const empty = await analyst.post(`/api/imports/uploads/${uploaded.uploadId}/inspect`, { encoding: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'encoding' })]);
    const read = await analyst.post(`/api/imports/uploads/${uploaded.uploadId}/inspect`, { encoding: 'GB18030' });
    expect(read.status).toBe(200);
    expect(read.body.columns).toEqual(['序号', '姓名', '身份证号', '性别', '出生日期', '民族', '住址', '关押场所', '入所日期', '备注']);
    expect(read.body.sample[0].姓名).toBe('测试阿不都');
  });

  it('take a file from upload to import, then list and undo it', async () => {
    const uploaded = await upload(analyst, 'divisions.csv', await readFile(`${dir}/divisions.csv`));
    expect(uploaded.status).toBe(201);
    const inspection = UploadAnswer.parse(uploaded.body).inspection!;
    expect(inspection).toMatchObject({ fileName: 'divisions.csv', format: 'csv', encoding: 'UTF-8', columns: ['code', '名称', 'level', 'parent_code'] });
    expect(inspection.sample[0]).toEqual({ code: '650000', 名称: '新疆维吾尔自治区', level: 'region', parent_code: null });
    // Another test may have saved a mapping for this header already; either way one is offered.
    expect(['saved', 'proposed']).toContain(inspection.mappingOrigin);

    const mapping = (await import('yaml')).parse(
      (await readFile(`${dir}/divisions.yaml`, 'utf8')).replace('namespace: test-divisions', 'namespace: test-routes-divisions'),
    );
    const preview = await analyst.post(`/api/imports/uploads/${inspection.uploadId}/preview`, { mapping, rows: 3 });
    expect(preview.status).toBe(200);
    expect(preview.body.elements.nodes.map((node: { id: string }) => node.id)).toEqual(
      expect.arrayContaining(['test-routes-divisions:place:650000', 'test-routes-divisions:place:650100', 'test-routes-divisions:place:650102']),
    );
    expect(preview.body.elements.edges).toHaveLength(2);

    const badMapping = await analyst.post(`/api/imports/uploads/${inspection.uploadId}/jobs`, {
      mapping: { ...mapping, entities: { place: { kind: 'Camp', key: ['code'] } } },
    });
    expect(badMapping.status).toBe(400);
    expect(badMapping.body.errors[0].field).toBe('mapping.entities.place.kind');

    const job = await analyst.post(`/api/imports/uploads/${inspection.uploadId}/jobs`, { mapping });
    expect(job.status).toBe(202);
    const done = await finished(analyst, job.body.jobId);
    expect(done.state, done.message).toBe('complete');
    // Six places and the file's Document. tests/integration/mapped-import.test.ts imports the same file
    // (the same file:sha256 Document) and may run beside this one: the Document is then merged, not created.
    const { nodesCreated, nodesMerged, relationshipsCreated } = done.report!.counts;
    expect({ nodes: nodesCreated + nodesMerged, relationshipsCreated }).toEqual({ nodes: 7, relationshipsCreated: 5 });
    expect(nodesCreated).toBeGreaterThanOrEqual(6);
    const report = await analyst.fetch(`/api/imports/jobs/${job.body.jobId}/report`);
    expect(report.headers.get('content-type')).toContain('text/csv');

    const history = (await analyst.get('/api/imports')).body.imports;
    const entry = history.find((item: { id: string }) => item.id === done.importId);
    // The history keeps the counts the job reported (the Document created or merged, as above).
    expect(entry).toMatchObject({ fileName: 'divisions.csv', importedBy: analyst.username, status: 'complete', counts: { nodesCreated, nodesMerged } });
    expect(entry.checksum).toMatch(/^[0-9a-f]{64}$/);

    // The next file with the same header is offered the mapping this import used.
    const again = UploadAnswer.parse((await upload(analyst, 'divisions-2024.csv', await readFile(`${dir}/divisions.csv`))).body).inspection!;
    expect(again.mappingOrigin).toBe('saved');
    expect((again.mapping as { namespace: string }).namespace).toBe('test-routes-divisions');
    await analyst.delete(`/api/imports/uploads/${again.uploadId}`);

    const undone = await analyst.post(`/api/imports/${encodeURIComponent(done.importId!)}/undo`);
    expect(undone.status).toBe(200);
    // Its 12 elements: deleted, but for a Document another import also asserts, which keeps it (retracted).
    expect(undone.body).toEqual({ deleted: 12 - nodesMerged, retracted: nodesMerged });
    const { records } = await app.driver.executeQuery("RETURN COUNT { MATCH (n:Entity) WHERE n.id STARTS WITH 'test-routes-divisions:' } AS n");
    expect(Number(records[0]!.get('n'))).toBe(0);
    const audit = await app.driver.executeQuery("MATCH (a:_Audit {action: 'import-undo'}) WHERE $id IN a.targetIds RETURN count(a) AS n", {
      id: done.importId,
    });
    expect(Number(audit.records[0]!.get('n'))).toBe(1);
    expect((await analyst.post(`/api/imports/${encodeURIComponent(done.importId!)}/undo`)).status).toBe(409);
  });

  it('import a workbook with Chinese headers on the mapping proposed for it, without the analyst writing one', async () => {
    // A roster as a leak holds it: gender as 男/女, dates as 1990/1/1, an empty cell, a column nobody maps.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['序号', '姓名', '身份证号码', '性别', '出生日期', '民族', '家庭住址', '关押场所']);
    sheet.addRow([1, '测试路由甲', '650000198001010019', '男', '1980/1/1', '维吾尔族', '测试村一组', '测试看守所']);
    sheet.addRow([2, '测试路由乙', '65000019850615002X', '女', '1985/6/15', '哈萨克族', null, '测试看守所']);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const inspection = UploadAnswer.parse((await upload(analyst, 'test-routes-proposed.xlsx', body)).body).inspection!;
    expect(inspection.mappingOrigin).toBe('proposed');
    expect(inspection.sheet).toBe('名单');

    const job = await analyst.post(`/api/imports/uploads/${inspection.uploadId}/jobs`, { mapping: inspection.mapping });
    expect(job.status).toBe(202);
    const done = await finished(analyst, job.body.jobId);
    expect(done.state, JSON.stringify(done.report?.entries ?? done.message)).toBe('complete');
    expect(done.report!.columns.dropped).toEqual(['序号', '关押场所']);
    const { records } = await app.driver.executeQuery(
      "MATCH (n:Detainee) WHERE n.id STARTS WITH 'test-routes-proposed:' RETURN n.name AS name, n.gender AS gender, n.birthDate AS born, n.idNumber AS idNumber ORDER BY name",
    );
    expect(records.map((record) => [record.get('name'), record.get('gender'), String(record.get('born')), record.get('idNumber')])).toEqual([
      ['测试路由乙', 'female', '1985-06-15', '65000019850615002X'],
      ['测试路由甲', 'male', '1980-01-01', '650000198001010019'],
    ]);
    expect((await analyst.post(`/api/imports/${encodeURIComponent(done.importId!)}/undo`)).status).toBe(200);
  });

  it('refuse a workbook row whose formula gave an error, naming the cell, rather than read it as empty', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['序号', '姓名', '身份证号码', '关押场所']);
    sheet.addRow([1, '测试公式甲', '650000198001010027', '测试看守所']);
    // A VLOOKUP that found nothing: Excel keeps the formula and #N/A as its result.
    sheet.addRow([2, '测试公式乙', { formula: 'VLOOKUP(A3,Sheet2!A:B,2,FALSE)', result: { error: '#N/A' } }, '测试看守所']);
    sheet.addRow([3, '测试公式丙', '650000198001010035', { error: '#REF!' }]);
    const inspection = UploadAnswer.parse((await upload(analyst, 'test-routes-formula.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))).body).inspection!;
    const job = await analyst.post(`/api/imports/uploads/${inspection.uploadId}/jobs`, { mapping: inspection.mapping });
    const done = await finished(analyst, job.body.jobId);
    expect(done.state).toBe('refused');
    expect(done.report!.entries.map((entry) => `${entry.line} ${entry.field}: ${entry.reason}`)).toContainEqual(
      '3 (row): cell C3 (身份证号码) holds a formula with no value (it ended in an error such as #N/A, or was never calculated): its value is not known; mend the formula or type the value in',
    );
    expect(done.report!.entries.map((entry) => `${entry.line} ${entry.field}: ${entry.reason}`)).toContainEqual(
      '4 (row): cell D4 (关押场所) holds the error #REF!: its value is not known; mend the formula or type the value in',
    );
  });

  it('refuse a file past the upload limit and keep nothing of it', async () => {
    const small = await startTestApp(testDriver(), { imports: { uploadLimitBytes: 1000 } });
    try {
      const answer = await upload(small, 'big.csv', Buffer.alloc(5000, 0x61));
      expect(answer.status).toBe(413);
      expect(answer.body.detail).toMatch(/larger than the upload limit/);
      expect(await small.uploadFiles()).toEqual([]);
    } finally {
      await small.close();
    }
  });
});
