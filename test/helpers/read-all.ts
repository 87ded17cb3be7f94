/** Collects a reader's results; for tests and small inputs only (it holds everything in memory). */
import type { ReadResult } from '../../src/marc/record.js';

export async function readAll(results: AsyncIterable<ReadResult>): Promise<ReadResult[]> {
  const all: ReadResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}
