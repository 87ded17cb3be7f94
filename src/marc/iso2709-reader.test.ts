import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readIso2709 } from './iso2709-reader.js';
import { toIso2709 } from './iso2709-write.js';
import { readMarcFile } from './read-file.js';
import type { MarcRecord, ReadResult } from './record.js';
import { controlValue, subfieldValues } from './fields.js';
import { haveMarcData, marcData } from '../../test/helpers/marc-data.js';
import { readAll } from '../../test/helpers/read-all.js';
import { repoRoot } from '../../test/helpers/shared-data.js';

const sample: MarcRecord = {
  leader: '00000nam a2200000 a 4500',
  fields: [
    { tag: '001', value: 'rec-1' },
    { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Ça va, Москва' }, { code: 'c', value: '東京' }] },
  ],
};

/** The leader's record length and base address depend on the bytes; compare everything else. */
function withoutLengths(record: MarcRecord): MarcRecord {
  const { leader } = record;
  return { ...record, leader: `00000${leader.slice(5, 12)}00000${leader.slice(17)}` };
}

function ok(result: ReadResult | undefined): MarcRecord {
  if (!result?.ok) throw new Error(`expected a record, got ${JSON.stringify(result)}`);
  return result.record;
}

describe('readIso2709', () => {
  it('gives the same records whatever the chunk boundaries (one byte at a time included)', async () => {
    const bytes = Buffer.concat([toIso2709(sample), toIso2709(sample)]);
    const whole = await readAll(readIso2709([bytes]));
    const bytewise = await readAll(readIso2709([...bytes].map((byte) => Buffer.from([byte]))));
    expect(bytewise).toEqual(whole);
    expect(whole.map((r) => r.position)).toEqual([1, 2]);
    expect(withoutLengths(ok(whole[0]))).toEqual(sample);
  });

  it('reports a truncated last record and a garbage record with reasons, and reads on', async () => {
    const good = toIso2709(sample);
    const input = [good, Buffer.from('garbage\x1d'), good, good.subarray(0, 60)];
    const results = await readAll(readIso2709(input));
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false]);
    expect(results[1]).toMatchObject({ ok: false, position: 2, reason: expect.stringMatching(/truncated record/) });
    expect(results[3]).toMatchObject({ ok: false, position: 4, reason: expect.stringMatching(/truncated record.*without record terminator/) });
  });

  it('recovers fields from terminators when the directory lengths are wrong', async () => {
    const bytes = toIso2709(sample);
    bytes.write('0099', 24 + 3, 'latin1'); // first directory entry: length 99 instead of 6
    const [result] = await readAll(readIso2709([bytes]));
    expect(withoutLengths(ok(result))).toEqual(sample);
    expect(result?.ok && result.warnings.join(' ')).toMatch(/recovered from field terminators/);
  });

  it('fails a record whose directory cannot be matched to its fields', async () => {
    const bytes = toIso2709(sample);
    const broken = Buffer.concat([bytes.subarray(0, 24), Buffer.from('\x1e'), bytes.subarray(24)]);
    const [result] = await readAll(readIso2709([broken]));
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/broken directory/) });
  });

  it('reads all 100 records of bu_bibs.mrc, whose directory counts characters', async () => {
    if (!haveMarcData()) return;
    const results = await readAll(readMarcFile(marcData('sources/catmandu-marc/bu_bibs.mrc')));
    expect(results.filter((r) => r.ok)).toHaveLength(100);
    const first = ok(results[0]);
    expect(controlValue(first, '001')).toMatch(/^99\d+$/);
    expect(subfieldValues(first, '245$a')[0]).toBeTruthy();
  });

  it('reads the 214,804-byte record whose directory offsets overflow five digits', async () => {
    if (!haveMarcData()) return;
    const [result] = await readAll(readMarcFile(marcData('sources/marc4j/datos-20161010-slice.mrc')));
    expect(ok(result).fields).toHaveLength(989); // one per field terminator in the data
    expect(result?.ok && result.warnings.join(' ')).not.toMatch(/recovered/);
  });

  it('keeps memory bounded while streaming 50,000 records (over 90 MB) in a 48 MB heap', () => {
    // A child process with a heap far smaller than the input: holding the input or the parsed
    // records would abort it with "heap out of memory". (heapUsed in this process counts garbage
    // not yet collected, so it cannot tell.)
    const script = path.join(repoRoot, 'test', 'fixtures-scripts', 'stream-iso2709.ts');
    const run = spawnSync(process.execPath, ['--max-old-space-size=48', '--import', 'tsx', script, '50000'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/heap out of memory/);
    expect(run.status).toBe(0);
    const { count, inputBytes } = JSON.parse(run.stdout) as { count: number; inputBytes: number };
    expect(count).toBe(50_000);
    expect(inputBytes).toBeGreaterThan(90 * 1024 * 1024);
  });
});
