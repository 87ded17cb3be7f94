/**
 * Streams RECORDS generated ISO 2709 records (about 2 KB each) through readIso2709 and prints the
 * count. Run by src/marc/iso2709-reader.test.ts under a small --max-old-space-size: if the reader
 * kept the input or the parsed records, the process would run out of heap and fail.
 */
import { readIso2709 } from '../../src/marc/iso2709-reader.js';
import { toIso2709 } from '../../src/marc/iso2709-write.js';

const total = Number(process.argv[2] ?? '50000');
const record = toIso2709({
  leader: '00000nam a2200000 a 4500',
  fields: [
    { tag: '001', value: 'rec-1' },
    { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Ça va, Москва' }] },
    ...Array.from({ length: 20 }, (_, k) => ({ tag: '952', ind1: ' ', ind2: ' ', subfields: [{ code: 'p', value: `item ${k} `.repeat(10) }] })),
  ],
});

async function* generated(): AsyncGenerator<Buffer> {
  for (let n = 0; n < total; n += 10) yield Buffer.concat(Array.from({ length: 10 }, () => record));
}

let count = 0;
for await (const result of readIso2709(generated())) if (result.ok) count++;
process.stdout.write(JSON.stringify({ count, inputBytes: record.length * total }) + '\n');
