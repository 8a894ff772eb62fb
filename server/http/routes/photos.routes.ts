// GET /api/photos/:id: a photo's file from the local photo store, for roles that may see it. The file
// is only ever read from inside the store, whatever path a (possibly imported) Photo node names.
import { Router, type Response } from 'express';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, resolve, sep } from 'node:path';
import { queries } from '../../../contract/queries/index.ts';
import { EntityId } from '../../../contract/queries/params.ts';
import { BadInput, NotFound } from '../../errors.ts';
import { currentUser } from '../auth-middleware.ts';
import type { Services } from '../services.ts';

/** Raster formats only: an SVG can carry script, and nothing else is a photo. */
const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
};

/** Larger than any photo the explorer should draw on a node; a bigger file is a mistake or an attack. */
const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

/**
 * The real path of `file` inside `store`, or null when it is absolute, climbs out with `..`, or
 * leads out of the store through a symbolic link (realpath resolves every link, then the prefix check).
 */
async function resolveInStore(store: string, file: string): Promise<string | null> {
  if (file.length === 0 || isAbsolute(file) || file.split(/[\\/]/).includes('..') || file.includes('\0')) return null;
  const root = await realpath(store).catch(() => null);
  if (!root) return null;
  const candidate = await realpath(resolve(root, file)).catch(() => null);
  if (!candidate?.startsWith(root + sep)) return null;
  const stats = await stat(candidate);
  return stats.isFile() && stats.size <= MAX_PHOTO_BYTES ? candidate : null;
}

export function photosRoutes({ graph, audit, answers }: Services, photosDir: string | undefined): Router {
  const router = Router();

  // One answer for "no such photo", "no file", "not in the store" and "not for you": a viewer learns
  // nothing about which photos have files, and a probe of paths learns nothing about the disk.
  const unavailable = (id: string) => new NotFound(`No photo file to show for "${id}"`);

  router.get('/photos/:id', async (req, res: Response) => {
    const id = req.params.id;
    // A malformed id is a 400 for everyone, as the query's own schema would answer it.
    const checked = EntityId.safeParse(id);
    if (!checked.success) throw BadInput.fromZod(checked.error, 'id');
    // The redactor decides, as it does for every Result: the same roles that get a photo node without
    // its file get no bytes either. Checked first, so a withheld request costs no query.
    // The policy decides who sees photos; the file itself is bytes, never a Result, so it is gated here.
    if (answers.redacts(currentUser(res)) || !photosDir) throw unavailable(id);
    const result = await graph.evidence(queries.photoFile, { id });
    const photo = result.nodes.find((node) => node.labels.includes('Photo'));
    if (!photo) throw unavailable(id);
    const file = photo.properties.file;
    const type = typeof file === 'string' ? CONTENT_TYPES[extname(file).toLowerCase()] : undefined;
    const path = type && typeof file === 'string' ? await resolveInStore(photosDir, file) : null;
    if (!type || !path) throw unavailable(id);
    const bytes = await readFile(path);
    const depicted = result.nodes.filter((node) => node.labels.includes('Person')).map((node) => node.id);
    await audit.record(currentUser(res), { action: 'photo-open', targetIds: [photo.id, ...depicted] });
    res.set({ 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Disposition': 'inline' }).send(bytes);
  });

  return router;
}
