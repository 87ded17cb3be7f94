/**
 * Harvests while the catalogue changes, and the commit-safe horizon.
 *
 * Given the sample catalogue, when a paged ListIdentifiers harvest runs while records are updated,
 * deleted and added between its pages, then every record not touched during the harvest is returned
 * exactly once, nothing is returned twice, and an incremental harvest from the first response's
 * responseDate returns every change (updates, deletions as deleted headers, additions).
 *
 * The horizon: a writer registers a lease before its transaction takes its datestamp. While a lease
 * is open, responseDate (and the frozen `until`) stay at the lease's start, so a record whose
 * datestamp is older than the harvest but which commits after it is still found by the next
 * incremental harvest.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import type { Clock } from '../../src/clock.js';
import type { Config } from '../../src/config/schema.js';
import type { Deps } from '../../src/deps.js';
import type { Database } from '../../src/store/db.js';
import { openTestDatabase } from '../helpers/test-db.js';
import { importFiles, shippedConfig } from '../helpers/import.js';
import { harvestPages, IMPORT_TIME, importSample, oaiApp, oaiGet, SAMPLE, xp } from '../helpers/oai.js';

const ID = 'oai:libgate.example.org:';

class MovableClock implements Clock {
  constructor(private at: number) {}
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): void {
    this.at = Date.parse(iso);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

/** Sample records by local id, as MARCXML <record> elements. */
function sampleRecords(): Map<string, string> {
  const text = readFileSync(SAMPLE, 'utf8');
  const out = new Map<string, string>();
  for (const m of text.matchAll(/<record>[\s\S]*?<\/record>/g)) {
    const id = /<controlfield tag="001">([^<]*)<\/controlfield>/.exec(m[0])![1]!;
    out.set(id, m[0]);
  }
  return out;
}

function collection(records: readonly string[]): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'oai-change-')), 'batch.xml');
  writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?><collection xmlns="http://www.loc.gov/MARC21/slim">${records.join('')}</collection>`);
  return file;
}

function retitled(record: string, note: string): string {
  return record.replace('</record>', `<datafield tag="500" ind1=" " ind2=" "><subfield code="a">${note}</subfield></datafield></record>`);
}

function renumbered(record: string, id: string): string {
  return record.replace(/<controlfield tag="001">[^<]*<\/controlfield>/, `<controlfield tag="001">${id}</controlfield>`);
}

const identifiers = (pages: readonly string[]) => pages.flatMap((p) => xp(p, '//oai:header/oai:identifier/text()'));

describe('harvest under change', () => {
  let db: Database;
  let app: Express;
  let deps: Deps;
  const clock = new MovableClock(Date.parse(IMPORT_TIME));
  const sample = sampleRecords();
  let config: Config;

  beforeAll(async () => {
    db = await openTestDatabase();
    await importSample(db, { clock });
    config = structuredClone(shippedConfig()) as Config & { oai: { pageSize: { records: number; identifiers: number } } };
    (config as { oai: { pageSize: object } }).oai.pageSize = { records: 40, identifiers: 40 };
    clock.set('2026-01-15T12:00:00Z');
    ({ app, deps } = await oaiApp(db, { config, clock }));
  }, 300_000);
  afterAll(async () => db.close());

  const update = async (ids: readonly string[], note: string) => {
    await importFiles(deps.store, [collection(ids.map((id) => retitled(sample.get(id)!, note)))], { config });
  };

  it('returns every untouched record once, nothing twice, and the incremental harvest has every change', async () => {
    const first = await oaiGet(app, 'verb=ListIdentifiers&metadataPrefix=marc21');
    const responseDate = xp(first, '//oai:responseDate/text()')[0]!;
    const pages = [first];
    const touched = new Set<string>();
    const changes = { updated: [] as string[], deleted: [] as string[], added: [] as string[] };
    let round = 0;
    let token = xp(first, '//oai:resumptionToken/text()')[0];
    while (token) {
      round += 1;
      clock.advance(60_000);
      // One already harvested and one not yet harvested record of each kind of change, per round.
      const early = String(round * 3);
      const late = String(150 + round * 3);
      const upd = [early, late].filter((id) => sample.has(id) && !touched.has(id));
      await update(upd, `Changed in round ${round}`);
      changes.updated.push(...upd);
      const del = [String(round * 3 + 1), String(150 + round * 3 + 1)].filter((id) => sample.has(id) && !touched.has(id));
      await deps.store.records.delete(del);
      changes.deleted.push(...del);
      const added = `new-${round}`;
      await importFiles(deps.store, [collection([renumbered(sample.get('2')!, added)])], { config });
      changes.added.push(added);
      for (const id of [...upd, ...del, added]) touched.add(id);
      clock.advance(60_000);
      const page = await oaiGet(app, `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`);
      pages.push(page);
      token = xp(page, '//oai:resumptionToken/text()')[0];
    }
    expect(round).toBeGreaterThan(3);

    const got = identifiers(pages);
    expect(new Set(got).size).toBe(got.length);
    const untouched = [...sample.keys()].filter((id) => !touched.has(id)).map((id) => `${ID}${id}`);
    const gotSet = new Set(got);
    expect(untouched.filter((id) => !gotSet.has(id))).toEqual([]);

    clock.advance(60_000);
    const incremental = await harvestPages(app, `verb=ListIdentifiers&metadataPrefix=marc21&from=${responseDate}`);
    const inc = identifiers(incremental);
    expect(new Set(inc).size).toBe(inc.length);
    for (const id of [...changes.updated, ...changes.deleted, ...changes.added]) expect(inc).toContain(`${ID}${id}`);
    const deletedHeaders = incremental.flatMap((p) => xp(p, '//oai:header[@status="deleted"]/oai:identifier/text()'));
    for (const id of changes.deleted) expect(deletedHeaders).toContain(`${ID}${id}`);
  }, 300_000);

  it('a record dated before a harvest but committed after it is found by the incremental harvest', async () => {
    clock.set('2026-02-01T10:00:00Z');
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    // A writer starts (lease at 10:00:00) and will date its record 10:00:00 ...
    const writer = deps.store.oai.leases.run(() => held);
    while (Number((await db.knex('oai_write_leases').count<{ n: string }[]>({ n: '*' }))[0]!.n) === 0) await new Promise((resolve) => setImmediate(resolve));
    // ... a harvest runs at 10:05:00, before the writer commits ...
    clock.set('2026-02-01T10:05:00Z');
    const pages = await harvestPages(app, 'verb=ListIdentifiers&metadataPrefix=marc21&from=2026-01-20T00:00:00Z');
    const responseDate = xp(pages[0]!, '//oai:responseDate/text()')[0]!;
    expect(responseDate).toBe('2026-02-01T10:00:00Z');
    // ... then the writer commits a record dated 10:00:00.
    clock.set('2026-02-01T10:00:00Z');
    await update(['42'], 'Written by a long transaction');
    release();
    await writer;
    clock.set('2026-02-01T10:10:00Z');
    expect(identifiers(pages)).not.toContain(`${ID}42`);
    const next = await harvestPages(app, `verb=ListIdentifiers&metadataPrefix=marc21&from=${responseDate}`);
    expect(identifiers(next)).toContain(`${ID}42`);
    expect(xp(next[0]!, '//oai:responseDate/text()')).toEqual(['2026-02-01T10:10:00Z']);
  }, 300_000);
});
