// Result tests: CQL queries against the sample catalogue, whose expected record sets are derived
// here from the MARCXML with a plain XML parser (test/helpers/sample-records.ts), not by libgate's
// indexing. Runs on PGlite, or PostgreSQL when DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseAndTranslate } from '../../src/sru/cql-to-sql.js';
import { buildIndexCatalog } from '../../src/sru/index-catalog.js';
import type { Store } from '../../src/store/store.js';
import type { Database } from '../../src/store/db.js';
import { importFiles, shippedConfig, storeFor } from '../helpers/import.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { liveRecords, plainWords, values, type SampleRecord } from '../helpers/sample-records.js';
import { openTestDatabase } from '../helpers/test-db.js';

const config = shippedConfig();
const catalog = buildIndexCatalog(config.indexes);
let db: Database;
let store: Store;

beforeAll(async () => {
  db = await openTestDatabase();
  store = storeFor(db, config);
  await importFiles(store, [`${REPO_ROOT}/sample/catalogue.xml`]);
}, 120_000);

afterAll(async () => {
  await db.close();
});

async function search(cql: string, limit = 1000): Promise<string[]> {
  const q = parseAndTranslate(cql, catalog);
  const result = await store.search.search({ filter: q.filter, sort: q.sort, rank: q.rank, offset: 0, limit }, { timeoutMs: 0 });
  return result.hits.map((h) => h.localId);
}

async function searchSet(cql: string): Promise<string[]> {
  return (await search(cql)).sort(byNumber);
}

const byNumber = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);

function expected(pred: (r: SampleRecord) => boolean): string[] {
  return liveRecords().filter(pred).map((r) => r.id).sort(byNumber);
}

const TITLE_TAGS = ['245', '246', '130', '240', '210', '222', '242', '243', '730', '740', '440', '490', '830'];
const CREATOR = [['100', 'abcdq'], ['110', 'abcdn'], ['111', 'acdnq'], ['700', 'abcdq'], ['710', 'abcdn'], ['711', 'acdnq'], ['720', 'a']] as const;
const titleFields = (r: SampleRecord) => [...TITLE_TAGS.flatMap((t) => values(r, t, t === '245' ? 'abnpfgks' : '')), ...values(r, '505', 't')];
const subjectFields = (r: SampleRecord) => r.fields.filter((f) => f.tag.startsWith('6') && ['600', '610', '611', '630', '648', '650', '651', '653', '654', '655', '656', '657', '690'].includes(f.tag))
  .map((f) => f.subfields.filter(([c]) => /[a-z]/.test(c) && !'e4'.includes(c)).map(([, v]) => v).join(' '));
const has = (fields: string[], word: string) => fields.some((f) => plainWords(f).includes(word));
const years = (r: SampleRecord): number[] => {
  const out: number[] = [];
  const fixed = (r.control.get('008') ?? '').slice(7, 11);
  if (/^[12]\d{3}$/.test(fixed)) out.push(Number(fixed));
  const dated = [...values(r, '260', 'c'), ...r.fields.filter((f) => f.tag === '264' && (f.ind2 === '1' || f.ind2 === '4')).flatMap((f) => f.subfields.filter(([c]) => c === 'c').map(([, v]) => v))];
  for (const text of dated) {
    const m = /(?<!\d)([12]\d{3})(?!\d)/.exec(text);
    if (m) out.push(Number(m[1]));
  }
  return out;
};

describe('CQL search over the sample catalogue', () => {
  it('cql.allRecords = 1 finds every live record', async () => {
    expect(await searchSet('cql.allRecords = 1')).toEqual(expected(() => true));
  });

  it('a title word', async () => {
    const want = expected((r) => has(titleFields(r), 'history'));
    expect(want.length).toBeGreaterThan(0);
    expect(await searchSet('dc.title = history')).toEqual(want);
    expect(await searchSet('title=HISTORY')).toEqual(want);
  });

  it('an author word, with accents and case ignored', async () => {
    const want = expected((r) => CREATOR.some(([t, c]) => has(values(r, t, c), 'austen')));
    expect(want.length).toBeGreaterThan(0);
    expect(await searchSet('dc.creator = Austen')).toEqual(want);
    expect(await searchSet('bath.author = AUSTÉN')).toEqual(want);
  });

  it('a title phrase keeps word order and adjacency', async () => {
    const phrase = (r: SampleRecord) => titleFields(r).some((f) => plainWords(f).join(' ').includes('pride and prejudice'));
    const want = expected(phrase);
    expect(want.length).toBeGreaterThan(0);
    expect(await searchSet('dc.title = "pride and prejudice"')).toEqual(want);
    expect(await searchSet('dc.title adj "pride and prejudice"')).toEqual(want);
    expect(await searchSet('dc.title = "prejudice and pride"')).toEqual([]);
  });

  it('all and any', async () => {
    const all = expected((r) => has(titleFields(r), 'pride') && has(titleFields(r), 'prejudice'));
    const any = expected((r) => has(titleFields(r), 'war') || has(titleFields(r), 'peace'));
    expect(await searchSet('dc.title all "prejudice pride"')).toEqual(all);
    expect(await searchSet('dc.title any "war peace"')).toEqual(any);
  });

  it('a subject word, and/or/not', async () => {
    const fiction = expected((r) => has(subjectFields(r), 'fiction'));
    const austen = expected((r) => CREATOR.some(([t, c]) => has(values(r, t, c), 'austen')));
    expect(await searchSet('dc.subject = fiction')).toEqual(fiction);
    expect(await searchSet('dc.subject = fiction and dc.creator = austen')).toEqual(fiction.filter((id) => austen.includes(id)));
    expect(await searchSet('dc.subject = fiction not dc.creator = austen')).toEqual(fiction.filter((id) => !austen.includes(id)));
    expect(await searchSet('dc.creator = austen or dc.subject = fiction')).toEqual([...new Set([...fiction, ...austen])].sort(byNumber));
  });

  it('right truncation, left truncation and single-character masks', async () => {
    const prefix = expected((r) => titleFields(r).some((f) => plainWords(f).some((w) => w.startsWith('hist'))));
    const suffix = expected((r) => titleFields(r).some((f) => plainWords(f).some((w) => w.endsWith('ography'))));
    const single = expected((r) => titleFields(r).some((f) => plainWords(f).some((w) => /^wom.n$/.test(w))));
    expect(prefix.length).toBeGreaterThan(0);
    expect(await searchSet('dc.title = hist*')).toEqual(prefix);
    expect(await searchSet('dc.title = *ography')).toEqual(suffix);
    expect(await searchSet('dc.title = wom?n')).toEqual(single);
  });

  it('date ranges, within and comparisons', async () => {
    const since = expected((r) => years(r).some((y) => y >= 1990));
    const between = expected((r) => years(r).some((y) => y >= 1900 && y <= 1950));
    expect(since.length).toBeGreaterThan(0);
    expect(await searchSet('dc.date >= 1990')).toEqual(since);
    expect(await searchSet('dc.date within "1900 1950"')).toEqual(between);
    expect(await searchSet('dc.date < 1800')).toEqual(expected((r) => years(r).some((y) => y < 1800)));
  });

  it('ISBN in either form, hyphens ignored', async () => {
    const withIsbn = liveRecords().find((r) => values(r, '020', 'a').some((v) => /^\d{9}[\dX]\b/.test(v.replace(/-/g, ''))));
    expect(withIsbn).toBeDefined();
    const isbn = /^[\dX-]+/.exec(values(withIsbn!, '020', 'a')[0]!)![0];
    const digits = isbn.replace(/-/g, '');
    const want = expected((r) => values(r, '020', 'az').some((v) => v.replace(/-/g, '').startsWith(digits)));
    expect(await searchSet(`bath.isbn = "${isbn}"`)).toEqual(want);
    expect(await searchSet(`isbn == ${digits}`)).toEqual(want);
  });

  it('rec.id and <>', async () => {
    expect(await searchSet('rec.id = 1')).toEqual(['1']);
    expect(await searchSet('rec.id = 197')).toEqual([]); // deleted
    const notFre = expected((r) => !((r.control.get('008') ?? '').slice(35, 38) === 'fre' || values(r, '041').some((v) => plainWords(v).includes('fre'))));
    expect(await searchSet('dc.language <> fre')).toEqual(notFre);
  });

  it('proximity by word distance, ordered and unordered', async () => {
    const near = (ordered: boolean) => (r: SampleRecord) => titleFields(r).some((f) => {
      const w = plainWords(f);
      return w.some((a, i) => a === 'pride' && w.some((b, j) => b === 'prejudice' && (ordered ? j - i === 2 : Math.abs(j - i) === 2)));
    });
    expect(await searchSet('dc.title = pride prox/unit=word/distance=2/ordered dc.title = prejudice')).toEqual(expected(near(true)));
    expect(await searchSet('dc.title = prejudice prox/distance=2 dc.title = pride')).toEqual(expected(near(false)));
  });

  it('sortby date descending puts missing values last; ascending by title', async () => {
    const ids = await search('dc.subject = fiction sortby dc.date/sort.descending');
    const first = (id: string) => liveRecords().find((r) => r.id === id)!;
    const keyYears = ids.map((id) => {
      const fixed = (first(id).control.get('008') ?? '').slice(7, 11);
      return years(first(id))[0] ?? (/^\d{4}$/.test(fixed) ? Number(fixed) : undefined);
    });
    const present = keyYears.filter((y): y is number => y !== undefined);
    expect(present).toEqual([...present].sort((a, b) => b - a));
    expect(keyYears.slice(present.length).every((y) => y === undefined)).toBe(true);
  });

  it('injection attempts are plain terms', async () => {
    for (const cql of [
      `dc.title = "x' OR 1=1 --"`, `dc.title = "\\\\'; DROP TABLE records; --"`, `dc.title = "a\\"b"`,
      `dc.title = "\u0000\u0001"`, `dc.title = "' || (SELECT 1) || '"`, `rec.id = "1' OR '1'='1"`,
      `dc.title = "$$ ; select"`, `dc.title = "a:* | b"`, `dc.title = "'\\*' & !'"`,
    ]) {
      expect(await searchSet(cql)).toEqual([]);
    }
    expect(await store.records.count({ includeDeleted: true })).toBe(294);
  });
});
