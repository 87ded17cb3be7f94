import { createReadStream, statSync } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { detectFormat, readIso2709, readMarcXml, type MarcFormat, type ReadResult } from '../marc/index.js';
import type { MarcSource } from './import-run.js';

/**
 * A file as an import source: records read lazily (streaming), format detected from the content
 * unless given, gzip recognised by its magic bytes, and bytes consumed counted for the progress ETA.
 */
export function openMarcSource(file: string, format?: MarcFormat): MarcSource {
  let bytes = 0;
  const size = statSync(file).size;
  async function* results(): AsyncGenerator<ReadResult> {
    const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
    raw.on('data', (chunk) => { bytes += chunk.length; });
    const stream = await maybeGunzip(raw);
    const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const first = await chunks.next();
    if (first.done) return;
    const rest = replay(first.value, chunks);
    yield* (format ?? detectFormat(first.value)) === 'marcxml' ? readMarcXml(rest) : readIso2709(rest);
  }
  return { name: file, size, results: results(), bytesRead: () => bytes };
}

async function maybeGunzip(raw: Readable): Promise<Readable> {
  const head = new PassThrough();
  raw.pipe(head);
  const firstChunk: Buffer | undefined = await new Promise((resolve, reject) => {
    head.once('readable', () => resolve((head.read() as Buffer | null) ?? undefined));
    head.once('end', () => resolve(undefined));
    head.once('error', reject);
  });
  const out = new PassThrough();
  const gz = firstChunk !== undefined && firstChunk[0] === 0x1f && firstChunk[1] === 0x8b;
  const target = gz ? createGunzip() : out;
  if (gz) target.pipe(out);
  if (firstChunk) target.write(firstChunk);
  head.pipe(target);
  head.on('error', (error) => out.destroy(error));
  target.on('error', (error) => out.destroy(error));
  return out;
}

async function* replay(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
