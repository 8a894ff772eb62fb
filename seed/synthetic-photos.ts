// Stand-in "photos" of synthetic detainees: abstract identicons derived from the photo id, framed by
// hazard stripes so no one can take one for a picture of a person. They exercise the photo path
// (store, route, redaction, canvas) without a single face; real photos come only from imports.
import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';

const SIZE = 96;
const BORDER = 10;
const GRID = 5;

/** The photo of the detainee with this serial, or null: one in five of the first `photographed`. */
export function syntheticPhotoId(serial: number, photographed: number): string | null {
  if (serial > photographed || serial % 5 !== 1) return null;
  return `syn-photo-${String(serial).padStart(7, '0')}`;
}

/** Where the file sits, relative to the photo store (PHOTOS_DIR). */
export function syntheticPhotoFile(photoId: string): string {
  return `synthetic/${photoId}.png`;
}

/** The PNG's bytes: the same id always gives the same image. */
export function syntheticPhotoPng(photoId: string): Buffer {
  const digest = createHash('sha256').update(photoId).digest();
  const hue = (digest[0]! / 255) * 360;
  const ink = hsl(hue, 0.55, 0.45);
  const paper = hsl((hue + 180) % 360, 0.25, 0.9);
  const png = new PNG({ width: SIZE, height: SIZE });
  const cell = (SIZE - 2 * BORDER) / GRID;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let colour: readonly [number, number, number];
      if (x < BORDER || y < BORDER || x >= SIZE - BORDER || y >= SIZE - BORDER) {
        // Diagonal black-and-amber stripes: the "generated, not evidence" frame.
        colour = Math.floor((x + y) / 6) % 2 === 0 ? [20, 20, 20] : [245, 190, 20];
      } else {
        const column = Math.floor((x - BORDER) / cell);
        const row = Math.floor((y - BORDER) / cell);
        // Mirrored left to right, as identicons are: a pattern, never a likeness.
        const bit = (row * 3 + Math.min(column, GRID - 1 - column)) % 15;
        colour = (digest[1 + bit]! & 1) === 1 ? ink : paper;
      }
      const offset = (y * SIZE + x) * 4;
      png.data[offset] = colour[0];
      png.data[offset + 1] = colour[1];
      png.data[offset + 2] = colour[2];
      png.data[offset + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 2 });
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every stand-in photo of the first `photographed` detainees: its path in the store and its bytes. */
export function* syntheticPhotos(photographed: number): Generator<{ file: string; bytes: Buffer }> {
  for (let serial = 1; serial <= photographed; serial++) {
    const photoId = syntheticPhotoId(serial, photographed);
    if (photoId) yield { file: syntheticPhotoFile(photoId), bytes: syntheticPhotoPng(photoId) };
  }
}

function hsl(hue: number, saturation: number, lightness: number): [number, number, number] {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const second = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const base = lightness - chroma / 2;
  const [r, g, b] =
    hue < 60
      ? [chroma, second, 0]
      : hue < 120
        ? [second, chroma, 0]
        : hue < 180
          ? [0, chroma, second]
          : hue < 240
            ? [0, second, chroma]
            : hue < 300
              ? [second, 0, chroma]
              : [chroma, 0, second];
  return [Math.round((r + base) * 255), Math.round((g + base) * 255), Math.round((b + base) * 255)];
}
