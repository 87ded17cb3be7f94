#!/usr/bin/env node
// Parse speed of the MARC readers on the benchmark corpus, in records per second.
//
//   npx tsc -p tsconfig.build.json && node scripts/measure-marc-parse.js [/path/to/shared/data/marc/corpus]
//
// The corpus file is read into memory once and fed ten times per run (11,490 records), so the
// figure is parsing (split + decode + repair), not disk; five runs, the median is reported.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.argv[2] ?? path.resolve(root, '../shared/data/marc/corpus');
const { readIso2709, readMarcXml } = await import(path.join(root, 'dist/src/marc/index.js'));

const REPEAT = 10;
const RUNS = 5;
const CHUNK = 64 * 1024;

function* chunks(bytes) {
  for (let r = 0; r < REPEAT; r++) for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
}

for (const [name, read, file] of [['ISO 2709', readIso2709, 'bench-corpus.mrc'], ['MARCXML', readMarcXml, 'bench-corpus.xml']]) {
  const bytes = readFileSync(path.join(corpus, file));
  const rates = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    let records = 0;
    for await (const result of read(chunks(bytes))) if (result.ok) records++;
    rates.push(Math.round(records / (Number(process.hrtime.bigint() - start) / 1e9)));
  }
  const sorted = [...rates].sort((a, b) => a - b);
  console.log(`${name}: runs ${rates.join(', ')} records/s; median ${sorted[Math.floor(RUNS / 2)]}`);
}
