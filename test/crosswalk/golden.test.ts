/**
 * Golden files: chosen records through each crosswalk, compared byte for byte with expected
 * outputs that were checked by hand against the LoC MARC-to-DC crosswalk and MARC-to-MODS mapping
 * (test/golden/crosswalk/<case>.<format>.xml). Inputs are read from the shared bench corpus by
 * manifest position, except map.marcxml.xml, a record written for these tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { CrosswalkRegistry } from '../../src/crosswalk/registry.js';
import { loadBuiltinCrosswalks } from '../helpers/crosswalks.js';
import { corpusRecords } from '../helpers/marc-corpus.js';
import { repoRoot } from '../helpers/shared-data.js';

const goldenDir = path.join(repoRoot, 'test', 'golden', 'crosswalk');

/** `n`: position in bench-corpus.xml (manifest.tsv); `file`: an input in the golden directory. */
export const GOLDEN_CASES = [
  // book: LCSH/FAST subjects, 651 places, 880 Chinese author, title, variant title and imprint
  { id: 'book-subjects-880-chinese', n: 1066 },
  // translation: "&" in 245 $b, 240 uniform title, 440 series, 041 $h, 880 for almost every field
  { id: 'translation-880-uniform-title', n: 731 },
  // serial (leader/07 s): 310 and 008/18 frequency, 362, 490 series, Arabic 880s, 710 with $b
  { id: 'serial-arabic-880', n: 1147 },
  // printed music (leader/06 c): 028 publisher numbers, 505 contents, 952 items to keep out
  { id: 'score', n: 117 },
  // video (leader/06 g): 007 videodisc, 024/028, 511 and 520 notes, 655 genres, Thai 880 title
  { id: 'video-thai-880', n: 1063 },
  // map (leader/06 e): 255 scale, 264 with copyright, 336-338, 752, 830 series, 856 URL with space and &
  { id: 'map', file: 'map.marcxml.xml' },
  // Cyrillic record whose title has "<" and ">" (escaped on output)
  { id: 'cyrillic-angle-brackets', n: 1116 },
  // book with "&" in the title, 600/610/650 subjects, 505, two 082 $a, 952 items
  { id: 'book-ampersand-items', n: 1 },
] as const;

const FORMATS = ['oai_dc', 'mods'] as const;

function input(c: (typeof GOLDEN_CASES)[number]): string {
  if ('file' in c) return readFileSync(path.join(goldenDir, c.file), 'utf8');
  const record = corpusRecords()[c.n - 1];
  if (record === undefined) throw new Error(`no record ${c.n} in the corpus`);
  return record;
}

let registry: CrosswalkRegistry;

beforeAll(async () => {
  registry = await loadBuiltinCrosswalks();
}, 600_000);

describe.each(GOLDEN_CASES)('$id', (c) => {
  it.each(FORMATS)('matches the golden %s', (format) => {
    const expected = readFileSync(path.join(goldenDir, `${c.id}.${format}.xml`), 'utf8');
    expect(`${registry.transform(format, input(c))}\n`).toBe(expected);
  });

  it('gives in srw_dc exactly the elements it gives in oai_dc', () => {
    const oai = registry.transform('oai_dc', input(c));
    const srw = registry.transform('srw_dc', input(c));
    const body = (xml: string): string => xml.slice(xml.indexOf('>') + 1, xml.lastIndexOf('</'));
    expect(srw.startsWith('<srw_dc:dc ')).toBe(true);
    expect(body(srw)).toBe(body(oai));
  });
});
