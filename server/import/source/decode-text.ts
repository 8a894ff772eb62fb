// Bytes of a text file -> its text, chunk by chunk, in the encoding the file declares (a byte-order
// mark) or the analyst does (iconv-lite), else strict UTF-8. A byte that is not valid in the
// encoding stops the read with its line and byte and a guess of the right encoding; a replacement
// character (U+FFFD) never gets through, whether a decoder made it or the file already held it.
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';
import { guessEncoding } from './guess-encoding.ts';

/** The file cannot be read as text: refused before anything is written. */
export class EncodingError extends Error {
  override name = 'EncodingError';
  constructor(
    message: string,
    readonly line: number,
    /** The encoding the text looks like, where a guess could be made: the browser offers it. */
    readonly guess: string | null = null,
  ) {
    super(message);
  }
}

export interface DecodedText {
  /** The encoding used, as the report names it ("UTF-8", "UTF-8 with BOM", "UTF-16LE (BOM)", "gb18030"). */
  encoding: string;
  chunks: AsyncIterable<string>;
}

/** How much of the file, from its first bad byte, the guess reads: enough for chardet's statistics, bounded memory. */
const SAMPLE_BYTES = 64 * 1024;

function bomOf(head: Buffer): { encoding: string; label: string; length: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', label: 'UTF-8 with BOM', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', label: 'UTF-16LE (byte-order mark)', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', label: 'UTF-16BE (byte-order mark)', length: 2 };
  return null;
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Offset of the first byte that is not well-formed UTF-8 in `bytes` (complete sequences only), or -1. */
export function firstInvalidUtf8(bytes: Buffer, end = bytes.length): number {
  for (let i = 0; i < end; ) {
    const lead = bytes[i]!;
    const length = sequenceLength(lead);
    if (length === 0) return i;
    if (i + length > end) return -1;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1]!;
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

/** Where an incomplete sequence at the end of `bytes` starts (it waits for the next chunk), or bytes.length. */
function completeUpTo(bytes: Buffer): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = sequenceLength(byte);
    return length > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

function countLines(bytes: Buffer, end: number): number {
  let lines = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1 && at < end; at = bytes.indexOf(0x0a, at + 1)) lines++;
  return lines;
}

function hex(bytes: Buffer): string {
  return [...bytes].map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
}

function declareHint(guess: string | null, option: string): string {
  return guess
    ? `it looks like ${guess}: declare it (${option} ${guess}, or source.encoding in the mapping)`
    : `declare its encoding (${option} NAME, or source.encoding in the mapping)`;
}

export interface DecodeOptions {
  file: string;
  /** Declared by the analyst (GB18030, Big5, latin1…); absent: a byte-order mark, else UTF-8. */
  encoding?: string;
  /** How the declaration is spelled where the error is read: "--encoding" on the command line. */
  option?: string;
}

/** Decodes a stream of bytes; throws EncodingError (line, byte, guess) at the first byte that is not text. */
export async function decodeText(bytes: AsyncIterable<Buffer>, options: DecodeOptions): Promise<DecodedText> {
  const iterator = bytes[Symbol.asyncIterator]();
  let first = await iterator.next();
  const head = first.done ? Buffer.alloc(0) : first.value;
  const bom = bomOf(head);
  const declared = options.encoding?.trim();
  const option = options.option ?? '--encoding';
  if (declared && !iconv.encodingExists(declared)) {
    // The file closes now (a stream's iterator closes it once started): a name mistyped in the
    // browser's field kept it open until the server stopped.
    await iterator.return?.();
    throw new EncodingError(`${options.file}: unknown encoding "${declared}" (try GB18030, GBK, Big5, latin1, windows-1252, UTF-16LE)`, 0);
  }
  if (!first.done && bom) first = { done: false, value: head.subarray(bom.length) };
  const rest = async function* (): AsyncGenerator<Buffer> {
    try {
      if (!first.done) yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // Stopped early (a reader that read enough): the file closes now, not when collected.
      await iterator.return?.();
    }
  };

  // A byte-order mark cannot be mistaken: it wins over a declaration (a mapping made for the GB18030
  // export of a roster reads its UTF-16 export too).
  if (bom?.encoding === 'utf-8' || (!bom && (!declared || /^utf-?8$/i.test(declared)))) {
    return { encoding: bom ? bom.label : 'UTF-8', chunks: utf8Chunks(rest(), options.file, option) };
  }
  return { encoding: bom ? bom.label : declared!, chunks: iconvChunks(rest(), bom ? bom.encoding : declared!, options.file) };
}

/**
 * What the guess reads: the bytes from the first bad one on, up to SAMPLE_BYTES (read on through the
 * file if need be). Not the text before it, which read as UTF-8: a long run of that (a roster's
 * first MiB of digits and Latin letters) outweighed the few bytes that did not, and Latin-1 was
 * guessed Shift_JIS.
 */
async function fromBadByte(start: Buffer, iterator: AsyncIterator<Buffer>): Promise<Buffer> {
  const window = [start];
  let length = start.length;
  while (length < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    window.push(next.value);
    length += next.value.length;
  }
  return Buffer.concat(window).subarray(0, SAMPLE_BYTES);
}

async function* utf8Chunks(bytes: AsyncIterable<Buffer>, file: string, option: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let carry = Buffer.alloc(0);
  let line = 1;
  let offset = 0;
  const iterator = bytes[Symbol.asyncIterator]();
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const chunk = next.value;
      const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const end = completeUpTo(data);
      const bad = firstInvalidUtf8(data, end);
      if (bad !== -1) {
        const at = line + countLines(data, bad);
        const guess = guessEncoding(await fromBadByte(data.subarray(bad), iterator));
        throw new EncodingError(
          `${file}:${at}: not valid UTF-8 at byte ${(offset + bad).toLocaleString('en')} (${hex(data.subarray(bad, bad + 4))}); ${declareHint(guess, option)}`,
          at,
          // Offered as the encoding to read it in only when iconv-lite can read it (chardet also names IBM420_ltr and the like).
          guess && iconv.encodingExists(guess) ? guess : null,
        );
      }
      const text = decoder.write(data.subarray(0, end));
      refuseReplacement(text, file, line);
      line += countLines(data, end);
      offset += end;
      carry = Buffer.from(data.subarray(end));
      if (text) yield text;
    }
    if (carry.length > 0) {
      throw new EncodingError(
        `${file}:${line}: ends inside a UTF-8 sequence at byte ${offset.toLocaleString('en')} (${hex(carry)}): the file is cut short or not UTF-8`,
        line,
      );
    }
  } finally {
    // Stopped at a bad byte, or by a reader that read enough: the file closes now, not when collected.
    await iterator.return?.();
  }
}

async function* iconvChunks(bytes: AsyncIterable<Buffer>, encoding: string, file: string): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  let line = 1;
  let offset = 0;
  for await (const chunk of bytes) {
    const text = decoder.write(chunk);
    const bad = text.indexOf('\uFFFD');
    if (bad !== -1) {
      const before = text.slice(0, bad);
      const at = line + (before.match(/\n/g)?.length ?? 0);
      const byte = offset + iconv.encode(before, encoding).length;
      throw new EncodingError(`${file}:${at}: byte ${byte.toLocaleString('en')} is not valid ${encoding}: is the declared encoding the file's own?`, at);
    }
    line += text.match(/\n/g)?.length ?? 0;
    offset += chunk.length;
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail?.includes('\uFFFD')) throw new EncodingError(`${file}:${line}: ends inside a ${encoding} character: the file is cut short`, line);
  if (tail) yield tail;
}

/** A replacement character in the text itself means an earlier conversion already lost the characters. */
function refuseReplacement(text: string, file: string, line: number): void {
  const at = text.indexOf('\uFFFD');
  if (at === -1) return;
  const where = line + (text.slice(0, at).match(/\n/g)?.length ?? 0);
  throw new EncodingError(
    `${file}:${where}: holds the replacement character U+FFFD ("${text.slice(Math.max(0, at - 8), at + 8).replace(/\s+/g, ' ')}"): characters were already lost by a wrong conversion; import the original file`,
    where,
  );
}
