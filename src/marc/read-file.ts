/**
 * readMarcFile: reads a MARC file of either format, gzip-compressed or not, record by record.
 * Without an explicit format, the content decides: a first non-blank character '<' (after an
 * optional UTF-8 byte order mark) means MARCXML, anything else ISO 2709. Compression is detected
 * by the gzip magic bytes, not the file name.
 *
 * Errors opening or reading the file propagate (ENOENT, EACCES, a corrupt gzip stream); bad records
 * never do (see readIso2709 / readMarcXml).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { byteChunks } from './input.js';
import { readIso2709 } from './iso2709-reader.js';
import { readMarcXml } from './marcxml-reader.js';
import type { ReadResult } from './record.js';

export type MarcFormat = 'iso2709' | 'marcxml';

export async function* readMarcFile(path: string, format?: MarcFormat): AsyncGenerator<ReadResult> {
  const chunks = byteChunks(await openMaybeGzipped(path))[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) return;
  const stream = replay(first.value, chunks);
  yield* (format ?? detectFormat(first.value)) === 'marcxml' ? readMarcXml(stream) : readIso2709(stream);
}

async function openMaybeGzipped(path: string): Promise<Readable> {
  const magic = Buffer.alloc(2);
  const handle = await open(path, 'r');
  try {
    await handle.read(magic, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const file = createReadStream(path);
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) return file;
  const gunzip = createGunzip();
  pipeline(file, gunzip, () => undefined); // an error destroys gunzip with it, and iterating it rethrows
  return gunzip;
}

/** '<' as first non-blank byte (BOM skipped) means MARCXML. */
export function detectFormat(head: Buffer): MarcFormat {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x3c ? 'marcxml' : 'iso2709';
}

async function* replay(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
