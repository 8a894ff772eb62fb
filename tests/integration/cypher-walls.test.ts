// Raw Cypher stays inside the walls: the embedded Neo4j (configured by server/graph/embedded.ts, as
// the run's own database is) reads no local file and opens no network address from LOAD CSV.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/neo4j.ts';

let admin: TestApp;
/** A web server on loopback, as an attacker would aim at: it counts every request that reaches it. */
let bait: Server;
let baitHits = 0;

beforeAll(async () => {
  admin = await startTestApp(undefined, { role: 'admin' });
  bait = createServer((_req, res) => {
    baitHits += 1;
    res.end('name\nreached\n');
  });
  await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => bait.close(resolve));
  await admin.close();
});

const cypher = (text: string) => admin.post('/api/admin/cypher', { cypher: text });

describe('LOAD CSV from admin raw Cypher', () => {
  it('cannot read a local file, inside the data folder or out of it', async () => {
    for (const url of ['file:///etc/passwd', 'file:///redaction-secret', 'file:///../neo4j-password']) {
      const answer = await cypher(`LOAD CSV FROM '${url}' AS row RETURN row LIMIT 5`);
      expect(answer.status, url).toBe(400);
      expect(answer.body).toMatchObject({ status: 400, title: 'Cypher refused' });
      expect(JSON.stringify(answer.body), url).not.toMatch(/root:|x:0:0/);
    }
  });

  it('cannot reach a network address: loopback, a private range or the outside', async () => {
    const port = (bait.address() as AddressInfo).port;
    for (const url of [`http://127.0.0.1:${port}/list.csv`, `http://localhost:${port}/list.csv`, `http://[::1]:${port}/list.csv`, 'https://10.0.0.1/x.csv']) {
      const answer = await cypher(`LOAD CSV FROM '${url}' AS row RETURN row LIMIT 5`);
      expect(answer.status, url).toBe(400);
      expect(JSON.stringify(answer.body), url).not.toContain('reached');
    }
    expect(baitHits).toBe(0);
  });

  it('still runs ordinary read Cypher', async () => {
    const answer = await cypher('RETURN 1 AS one');
    expect(answer.status).toBe(200);
    expect(answer.body.rows).toEqual([{ one: 1 }]);
  });
});
