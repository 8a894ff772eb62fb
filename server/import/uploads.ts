// Files uploaded for import: streamed to disk as they arrive (never held in memory), refused past
// the size limit, and removed when the upload is cut off mid-way: nothing half-written stays.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { privateFolder } from '../private-files.ts';

export interface Upload {
  id: string;
  path: string;
  /** The file's own name, as the analyst's computer gave it. */
  name: string;
  size: number;
  ownerId: string;
  createdAt: number;
}

export class UploadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the file is larger than the upload limit of ${Math.round(limit / 1024 / 1024)} MB (IMPORT_UPLOAD_MAX_MB)`);
  }
}

/** An upload nobody imported is removed after this long. */
const KEEP_MS = 6 * 60 * 60 * 1000;

export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    readonly dir: string,
    readonly limitBytes: number,
  ) {}

  /** Removes what an earlier process left (its uploads are unknown to this one). */
  async sweep(): Promise<void> {
    await privateFolder(this.dir);
    const known = new Set([...this.uploads.values()].map((upload) => basename(upload.path)));
    for (const entry of await readdir(this.dir)) if (!known.has(entry)) await rm(join(this.dir, entry), { force: true });
    for (const upload of this.uploads.values()) if (Date.now() - upload.createdAt > KEEP_MS) await this.remove(upload.id);
  }

  /** Streams `body` to disk; throws UploadTooLarge past the limit, and removes the partial file on any failure. */
  async receive(body: Readable, name: string, ownerId: string): Promise<Upload> {
    await privateFolder(this.dir);
    const id = randomUUID();
    const extension = extname(name)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '')
      .slice(0, 10);
    const partial = join(this.dir, `${id}.part`);
    const path = join(this.dir, `${id}${extension}`);
    let size = 0;
    const limit = this.limitBytes;
    // Owner-only like the rest of DATA_DIR: an uploaded roster names detainees.
    const file = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    try {
      await pipeline(
        body,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            if (size > limit) throw new UploadTooLarge(limit);
            yield chunk;
          }
        },
        file,
      );
      await rename(partial, path);
    } catch (error) {
      // The stream opens its file asynchronously: a refusal in the first chunk can come before the
      // file exists, so removing it at once would miss it. Once the destroyed stream has closed, the
      // file is there to remove or was never made. (Not events.once: it rejects on the stream's
      // 'error', which comes before 'close'.)
      if (!file.closed) await new Promise<void>((closed) => file.once('close', () => closed()));
      await rm(partial, { force: true });
      throw error;
    }
    const upload: Upload = { id, path, name: basename(name), size: (await stat(path)).size, ownerId, createdAt: Date.now() };
    this.uploads.set(id, upload);
    return upload;
  }

  /** The upload, if it is this user's. */
  get(id: string, ownerId: string): Upload | null {
    const upload = this.uploads.get(id);
    return upload && upload.ownerId === ownerId ? upload : null;
  }

  async remove(id: string): Promise<void> {
    const upload = this.uploads.get(id);
    this.uploads.delete(id);
    if (upload) await rm(upload.path, { force: true });
  }

  /** Files on disk, for tests that check nothing is left behind. */
  async files(): Promise<string[]> {
    return readdir(this.dir).catch(() => []);
  }
}
