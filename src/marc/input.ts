/** What the readers accept: any (async) iterable of bytes, which includes every Node Readable. */
export type MarcInput = AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array> | NodeJS.ReadableStream;

/** Chunks as Buffers. A string chunk (a stream with setEncoding) is taken as UTF-8 text. */
export async function* byteChunks(input: MarcInput): AsyncGenerator<Buffer> {
  for await (const chunk of input as AsyncIterable<Buffer | Uint8Array | string>) {
    if (typeof chunk === 'string') yield Buffer.from(chunk, 'utf8');
    else yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}
