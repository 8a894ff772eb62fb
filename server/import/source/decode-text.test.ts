// Text decoding as a file streams: byte-order marks, declared encodings, and refusals that name the
// line, the byte and the likely encoding, even when a character is cut between two chunks.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, EncodingError, firstInvalidUtf8 } from './decode-text.ts';

async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function text(bytes: Buffer, options: { encoding?: string; size?: number } = {}) {
  const decoded = await decodeText(chunks(bytes, options.size ?? 3), { file: 'f.csv', encoding: options.encoding });
  let out = '';
  for await (const part of decoded.chunks) out += part;
  return { encoding: decoded.encoding, text: out };
}

describe('decodeText', () => {
  const sample = '姓名,住址\n阿不都,疏附县\n';

  it('reads UTF-8 cut anywhere between chunks, with or without a byte-order mark', async () => {
    for (const size of [1, 2, 3, 5, 64]) expect(await text(Buffer.from(sample), { size })).toEqual({ encoding: 'UTF-8', text: sample });
    expect(await text(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)]))).toEqual({ encoding: 'UTF-8 with BOM', text: sample });
  });

  it('reads UTF-16 by its byte-order mark, whatever was declared, and GB18030 when declared', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sample, 'utf-16le')]);
    expect(await text(utf16, { encoding: 'gb18030' })).toEqual({ encoding: 'UTF-16LE (byte-order mark)', text: sample });
    expect(await text(iconv.encode(sample, 'gb18030'), { encoding: 'GB18030' })).toEqual({ encoding: 'GB18030', text: sample });
  });

  it('refuses a Latin-1 file read as UTF-8 with its line, its byte and a guess', async () => {
    const latin = iconv.encode('name,county\nÜrümqi Süd, südliche Vorstadt mit Gärten und Märkten nördlich der Straße\n'.repeat(3), 'latin1');
    const failure = await text(latin, { size: 7 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EncodingError);
    expect((failure as Error).message).toBe(
      'f.csv:2: not valid UTF-8 at byte 12 (0xDC 0x72); it looks like ISO-8859-1: declare it (--encoding ISO-8859-1, or source.encoding in the mapping)',
    );
  });

  it('guesses from the bytes that are not UTF-8, not from a long run of text before them that is', async () => {
    const ascii = `name,note\n${'Test Latin,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'.repeat(5_000)}`;
    const latin = iconv.encode(`${ascii}${'Ürümqi Süd,Außenstelle für Überwachung nördlich der Straße\n'.repeat(10)}`, 'latin1');
    const failure = await text(latin, { size: 64 * 1024 }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'EncodingError', line: 5_002, guess: 'ISO-8859-1' });
  });

  it('never lets a replacement character through', async () => {
    await expect(text(Buffer.from('name\n�r�mqi\n'))).rejects.toThrow(/^f\.csv:2: holds the replacement character U\+FFFD/);
    await expect(text(Buffer.from([0x61, 0x0a, 0x81, 0x20, 0x61]), { encoding: 'gb18030', size: 64 })).rejects.toThrow(
      /^f\.csv:2: byte 2 is not valid gb18030/,
    );
    await expect(text(Buffer.from([0x61, 0x0a, 0x81, 0x30]), { encoding: 'gb18030' })).rejects.toThrow(/^f\.csv:2: ends inside a gb18030 character/);
  });

  it('finds overlong forms and surrogates, not only stray bytes', () => {
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from('疏附县'))).toBe(-1);
  });
});
