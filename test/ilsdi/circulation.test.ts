import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import request from 'supertest';
import type { Database } from '../../src/store/db.js';
import { ILSDI_NOW, ilsdiConfig, inRolledBackTransaction, KEYS, loadIlsdiFixture, xpathAll, xpathOne } from '../helpers/ilsdi.js';
import { importFiles } from '../helpers/import.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { databaseLabel, openTestDatabase } from '../helpers/test-db.js';

/** Circulation state behind the verbs: item status, datestamps, queues, rules, query counts. */
describe(`ILS-DI circulation on ${databaseLabel()}`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await loadIlsdiFixture(db);
  }, 300_000);
  afterAll(async () => db.close());

  const key = { 'X-Api-Key': KEYS.all };
  const datestamp = async (knex: Database['knex'], localId: string) =>
    (await knex('records').select('datestamp').where({ local_id: localId }).first()).datestamp as Date;

  it('a renewal moves items.onloan and the record datestamp (OAI must re-disseminate 952$q); a refusal moves nothing', async () => {
    const later = new Date(new Date(ILSDI_NOW).getTime() + 3_600_000);
    await inRolledBackTransaction(db, { clock: { now: () => later } }, async (app, deps) => {
      const knex = (deps.store.circulation as unknown as { knex: Database['knex'] }).knex;
      const before31 = await datestamp(knex, '31');
      const before5 = await datestamp(knex, '5');
      expect(xpathOne((await request(app).get('/ilsdi?service=RenewLoan&patron_id=1&item_id=84').set(key)).text, '/RenewLoan/success')).toBe('1');
      expect((await knex('items').select('onloan').where({ id: 84 }).first()).onloan).toBe('2027-01-20');
      expect((await datestamp(knex, '31')).getTime()).toBe(later.getTime());
      expect(before31.getTime()).toBeLessThan(later.getTime());
      expect(xpathOne((await request(app).get('/ilsdi?service=RenewLoan&patron_id=1&item_id=13').set(key)).text, '/RenewLoan/success')).toBe('0');
      expect((await datestamp(knex, '5')).getTime()).toBe(before5.getTime());
      const loan = await knex.raw(`SELECT renewals_count, to_char(lastreneweddate, 'YYYY-MM-DD HH24:MI:SS') AS at FROM loans WHERE item_id = 84`);
      expect(loan.rows[0]).toEqual({ renewals_count: 1, at: '2026-11-25 13:00:00' });
    });
  });

  it('re-importing the catalogue keeps the due dates of libgate loans in items.onloan', async () => {
    await inRolledBackTransaction(db, {}, async (app, deps) => {
      expect(xpathOne((await request(app).get('/ilsdi?service=RenewLoan&patron_id=1&item_id=84').set(key)).text, '/RenewLoan/date_due')).toBe('2027-01-20 23:59');
      const knex = (deps.store.circulation as unknown as { knex: Database['knex'] }).knex;
      await knex('records').update({ content_hash: 'forces an update' }).where({ local_id: '31' });
      const report = await importFiles(deps.store, [path.join(REPO_ROOT, 'sample/catalogue.xml')]);
      expect(report.updated).toBe(1);
      expect((await knex('items').select('onloan').where({ id: 84 }).first()).onloan).toBe('2027-01-20');
      expect((await knex('items').select('onloan').where({ id: 86 }).first()).onloan).toBe('2027-01-14'); // 952$q, no libgate loan
    });
  });

  it('queues holds by priority and moves the queue up on cancellation', async () => {
    await inRolledBackTransaction(db, {}, async (app) => {
      for (const patron of ['1', '3', '6']) {
        const res = await request(app).get(`/ilsdi?service=HoldTitle&patron_id=${patron}&bib_id=23&request_location=x&pickup_location=CENTRAL`).set(key);
        expect(xpathOne(res.text, '/HoldTitle/code')).toBeUndefined();
      }
      const queue = async () => xpathAll((await request(app).get('/ilsdi?service=GetRecords&id=23')).text, '//reserve/priority');
      expect(await queue()).toEqual(['1', '2', '3']);
      const reserveOf3 = xpathOne((await request(app).get('/ilsdi?service=GetPatronInfo&patron_id=3&show_holds=1').set(key)).text, '//hold[biblionumber="23"]/reserve_id')!;
      expect(xpathOne((await request(app).get(`/ilsdi?service=CancelHold&patron_id=3&item_id=${reserveOf3}`).set(key)).text, '/CancelHold/code')).toBe('Canceled');
      expect(await queue()).toEqual(['1', '2']);
    });
  });

  it('marks an item-level hold On hold in GetAvailability, and a future start date not yet', async () => {
    await inRolledBackTransaction(db, {}, async (app) => {
      const status = async () => xpathOne((await request(app).get('/ilsdi?service=GetAvailability&id=24&id_type=item')).text, '//dlf:availabilitymsg');
      expect(await status()).toBeUndefined();
      await request(app).get('/ilsdi?service=HoldItem&patron_id=3&bib_id=8&item_id=24&pickup_location=MUSIC&start_date=2026-12-24').set(key);
      expect(await status()).toBeUndefined();
      await request(app).get('/ilsdi?service=HoldItem&patron_id=6&bib_id=8&item_id=24&pickup_location=CENTRAL').set(key);
      expect(await status()).toBe('On hold');
    });
  });

  it('applies configured rules: tooManyReserves, damaged when holds on damaged items are not allowed, overdue', async () => {
    const config = ilsdiConfig((ilsdi) => ({
      circulation: { ...ilsdi.circulation, allowHoldsOnDamagedItems: false, overduesBlockRenewing: true, rules: [{ categories: ['STUDENT'], maxHolds: 1 }, ...ilsdi.circulation.rules] },
    }));
    await inRolledBackTransaction(db, { config }, async (app) => {
      const code = async (query: string) => xpathOne((await request(app).get(`/ilsdi?${query}`).set(key)).text, '/*/code');
      expect(await code('service=HoldTitle&patron_id=6&bib_id=8&request_location=x')).toBeUndefined();
      expect(await code('service=HoldTitle&patron_id=6&bib_id=9&request_location=x')).toBe('tooManyReserves');
      expect(await code('service=HoldItem&patron_id=2&bib_id=2&item_id=6')).toBe('damaged');
    });
    const overdue = { now: () => new Date('2026-12-10T12:00:00Z') };
    await inRolledBackTransaction(db, { config, clock: overdue }, async (app) => {
      // jdoe's item 4 was due 2026-12-03: with OverduesBlockRenewing, no renewal of anything.
      expect(xpathOne((await request(app).get('/ilsdi?service=RenewLoan&patron_id=1&item_id=84').set(key)).text, '/RenewLoan/error')).toBe('overdue');
    });
  });

  it('answers GetAvailability with the same number of queries for 1 and for 50 records', async () => {
    const counts: number[] = [];
    for (const ids of [['2'], Array.from({ length: 50 }, (_, i) => String(i + 1))]) {
      let queries = 0;
      const listener = () => { queries += 1; };
      await inRolledBackTransaction(db, {}, async (app, deps) => {
        const knex = (deps.store.circulation as unknown as { knex: Database['knex'] }).knex;
        knex.on('query', listener);
        const res = await request(app).get(`/ilsdi?service=GetAvailability&id=${ids.join('+')}&id_type=bib`);
        knex.removeListener('query', listener);
        expect(Number(xpathOne(res.text, 'count(//dlf:item)'))).toBeGreaterThan(ids.length === 1 ? 4 : 100);
      });
      counts.push(queries);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[1]).toBeLessThanOrEqual(2);
  });
});
