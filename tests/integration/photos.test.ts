// Photos end to end: the seeded stand-in photos are served to analysts byte for byte from the photo
// store, withheld from viewers and from everyone under REDACT=1, never read from outside the store,
// and every opening is audited by id.
import { copyFile, readFile, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startTestApp, testDriver, type Client, type TestApp } from '../support/neo4j.ts';
import { provenance } from '../fixtures/provenance.ts';

const photosDir = join(inject('neo4j').dataDir, 'photos');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const escapeLink = 'test-photos-escape-link.png';
const outsideFile = 'test-photos-outside-the-store.png';

let app: TestApp;
let viewer: Client;
let admin: Client;
let redactedApp: TestApp;
/** A seeded synthetic photo, read from the graph, with the detainee it depicts. */
let seeded: { photoId: string; personId: string; file: string };

async function removeFixtures(): Promise<void> {
  await app.driver.executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-photos-' DETACH DELETE n", {}, { routing: 'WRITE' });
  await rm(join(photosDir, escapeLink), { force: true });
  await rm(join(photosDir, '..', outsideFile), { force: true });
}

beforeAll(async () => {
  app = await startTestApp();
  await removeFixtures();
  viewer = await app.login('viewer');
  admin = await app.login('admin');
  redactedApp = await startTestApp(testDriver(), { redactAll: true, role: 'admin' });
  const { records } = await app.driver.executeQuery(
    `MATCH (photo:Photo {synthetic: true})-[:DEPICTS]->(person:Detainee)
     RETURN photo.id AS photoId, person.id AS personId, photo.file AS file ORDER BY photo.id LIMIT 1`,
    {},
    { routing: 'READ' },
  );
  seeded = { photoId: records[0]!.get('photoId'), personId: records[0]!.get('personId'), file: records[0]!.get('file') };
});
afterAll(async () => {
  await removeFixtures();
  await redactedApp?.close();
  await app?.close();
});

describe('GET /api/photos/:id', () => {
  it('serves an analyst the PNG exactly as the store holds it, not cached, not sniffed', async () => {
    const response = await app.fetch(`/api/photos/${seeded.photoId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(bytes.equals(await readFile(join(photosDir, seeded.file)))).toBe(true);
  });

  it('gives a viewer no bytes: the same 404 as for a photo that does not exist', async () => {
    const withheld = await viewer.get(`/api/photos/${seeded.photoId}`);
    const missing = await viewer.get('/api/photos/test-photos-no-such-photo');
    expect(withheld.status).toBe(404);
    expect(withheld.contentType).toContain('application/problem+json');
    expect(missing.status).toBe(404);
    expect(withheld.body.title).toBe(missing.body.title);
  });

  it('under REDACT=1 withholds the file from every role, admins included', async () => {
    for (const client of [redactedApp, await redactedApp.login('analyst')]) {
      const response = await client.fetch(`/api/photos/${seeded.photoId}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).not.toContain('image');
    }
  });

  it('answers 404 for an unknown photo and 400 for an id that is no id', async () => {
    expect((await app.get('/api/photos/test-photos-unknown')).status).toBe(404);
    const malformed = await app.get(`/api/photos/${encodeURIComponent('bad id with spaces')}`);
    expect(malformed.status).toBe(400);
  });

  it('never reads outside the store: parent paths, absolute paths and escaping links are refused', async () => {
    // A real PNG just outside the store, next to it: every path below reaches an existing, readable
    // image, so each refusal is the store check's doing, not a missing file's.
    const outside = join(photosDir, '..', outsideFile);
    await copyFile(join(photosDir, seeded.file), outside);
    // A link inside the store that leads out of it: realpath sees through it.
    await symlink(outside, join(photosDir, escapeLink));
    const files = {
      'test-photos-parent': `../${outsideFile}`,
      'test-photos-absolute': outside,
      'test-photos-link': escapeLink,
      'test-photos-dotdot': `synthetic/../../${outsideFile}`,
    };
    for (const [id, file] of Object.entries(files)) {
      await app.driver.executeQuery(`CREATE (:Entity:Photo {id: $id, file: $file, ${provenance}})`, { id, file }, { routing: 'WRITE' });
      const response = await app.fetch(`/api/photos/${id}`);
      expect(response.status, file).toBe(404);
      expect(response.headers.get('content-type')).not.toContain('image');
    }
    expect((await readFile(join(photosDir, escapeLink))).equals(await readFile(outside))).toBe(true);
  });

  it('audits each opening as photo-open with the photo and person ids only', async () => {
    const name = `test-photos-audited-${Date.now()}`;
    const client = await app.login('analyst', name);
    const userId = (await client.get('/api/auth/session')).body.user.id;
    expect((await client.fetch(`/api/photos/${seeded.photoId}`)).status).toBe(200);
    const log = await admin.get(`/api/audit?userId=${userId}&action=photo-open`);
    expect(log.status).toBe(200);
    expect(log.body.entries).toHaveLength(1);
    expect(log.body.entries[0].targetIds.sort()).toEqual([seeded.photoId, seeded.personId].sort());
    const { records } = await app.driver.executeQuery('MATCH (n:Entity) WHERE n.id IN [$photo, $person] RETURN n.name AS name', {
      photo: seeded.photoId,
      person: seeded.personId,
    });
    const text = JSON.stringify(log.body.entries);
    for (const record of records) expect(text).not.toContain(record.get('name'));
    expect(text).not.toContain(seeded.file);
  });
});

describe('photos-of, through the query catalogue', () => {
  it('is listed among the curated queries', async () => {
    const listing = await app.get('/api/queries');
    expect(listing.body.queries.map((query: { name: string }) => query.name)).toContain('photos-of');
  });

  it('gives an analyst the photos with their files, DEPICTS the person asked about', async () => {
    const answer = await app.post('/api/queries/photos-of', { params: { ids: [seeded.personId] } });
    expect(answer.status).toBe(200);
    const photo = answer.body.nodes.find((node: { id: string }) => node.id === seeded.photoId);
    expect(photo.properties.file).toBe(seeded.file);
    expect(photo.properties.synthetic).toBe(true);
    expect(
      answer.body.edges.some(
        (edge: { type: string; source: string; target: string }) =>
          edge.type === 'DEPICTS' && edge.source === seeded.photoId && edge.target === seeded.personId,
      ),
    ).toBe(true);
  });

  it('gives a viewer the same photos redacted: no file, checksum or title', async () => {
    const full = await app.post('/api/queries/photos-of', { params: { ids: [seeded.personId] } });
    const answer = await viewer.post('/api/queries/photos-of', { params: { ids: [seeded.personId] } });
    expect(answer.status).toBe(200);
    const photos = answer.body.nodes.filter((node: { labels: string[] }) => node.labels.includes('Photo'));
    expect(photos.map((node: { id: string }) => node.id).sort()).toEqual(
      full.body.nodes
        .filter((node: { labels: string[] }) => node.labels.includes('Photo'))
        .map((node: { id: string }) => node.id)
        .sort(),
    );
    for (const photo of photos) {
      expect(photo.properties.redacted).toBe(true);
      expect(photo.properties).not.toHaveProperty('file');
      expect(photo.properties).not.toHaveProperty('checksum');
    }
    expect(JSON.stringify(answer.body)).not.toContain(seeded.file);
  });
});
