import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import type { Database } from '../../src/store/db.js';
import { testApp } from '../helpers/app.js';
import { ilsdiDeps, KEYS, listen, loadIlsdiFixture } from '../helpers/ilsdi.js';
import { databaseLabel, openTestDatabase } from '../helpers/test-db.js';

/**
 * Replays Bokeh / AFI-OPAC's Koha web service (Class_WebService_SIGB_Koha): login by LookupPatron
 * with the card number, GetPatronInfo without contact but with loans and holds, GetRecords for the
 * items of a record, HoldTitle with request_location=127.0.0.1, CancelHold judged by
 * <code>Canceled</code>, and RenewLoan judged by the absence of <error> (Bokeh ignores <success>).
 * The key goes as the apikey argument, for a client that builds its query from a parameter list.
 */
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ['hold', 'loan', 'item', 'record', 'reserve', 'issue'].includes(name) });

describe(`Bokeh (AFI-OPAC) flow on ${databaseLabel()}`, () => {
  let db: Database;
  let server: { baseUrl: string; close(): Promise<void> };
  beforeAll(async () => {
    db = await openTestDatabase();
    await loadIlsdiFixture(db);
    server = await listen(testApp(ilsdiDeps(db)));
  }, 300_000);
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  async function call(service: string, params: Record<string, string>): Promise<Record<string, any>> {
    const query = new URLSearchParams({ service, ...params, apikey: KEYS.all });
    const res = await fetch(`${server.baseUrl}/cgi-bin/koha/ilsdi.pl?${query}`);
    expect(res.status).toBe(200);
    const doc = parser.parse(await res.text()) as Record<string, any>;
    return doc[service] ?? {};
  }

  it('looks up the card, reads the account, lists items, holds, cancels and renews', async () => {
    const lookup = await call('LookupPatron', { id: '23529000618794', id_type: 'cardnumber' });
    expect(lookup.id).toBe('3');
    expect((await call('LookupPatron', { id: '00000000000000', id_type: 'cardnumber' })).message).toBe('PatronNotFound');

    const account = await call('GetPatronInfo', { patron_id: lookup.id, show_contact: '0', show_loans: '1', show_holds: '1' });
    expect(account.email).toBeUndefined(); // show_contact=0
    expect(account.surname).toBe('Chen');
    const loans = account.loans.loan as any[];
    expect(loans.map((l) => [l.itemnumber, l.barcode, l.title, l.date_due])).toEqual([['25', '39000000000252', 'Nineteen eighty-four', '2026-12-22 23:59:00']]);
    const holds = account.holds.hold as any[];
    expect(holds.map((h) => [h.reserve_id, h.biblionumber, h.branchname, h.found])).toEqual([['4', '36', 'Music & Media Library', 'T']]);

    const records = await call('GetRecords', { id: '2' });
    const items = records.record[0].items.item as any[];
    expect(items.map((i) => i.barcode)).toEqual(['39000000000021', '39000000000039', '39000000000047', '39000000000054', '39000000000062']);
    const onLoan = items.find((i) => i.itemnumber === '4');
    expect(onLoan.onloan).toBe('2026-12-03');
    expect(items.find((i) => i.itemnumber === '6').damaged).toBe('1');
    for (const item of items) for (const flag of ['notforloan', 'itemlost', 'withdrawn', 'damaged']) expect(item[flag]).toMatch(/^[01]$/);
    expect(records.record[0].issues.issue.map((i: any) => [i.itemnumber, i.date_due])).toEqual([['4', '2026-12-03 23:59:00']]);
    expect(records.record[0].issues.issue[0].borrowernumber).toBeUndefined();
    expect(records.record[0].reserves.reserve[0].borrowernumber).toBeUndefined();
    expect(records.record[0].marcxml).toContain('<datafield tag="952"');

    const placed = await call('HoldTitle', { patron_id: lookup.id, bib_id: '12', request_location: '127.0.0.1', pickup_location: 'EAST' });
    expect(placed.code).toBeUndefined();
    expect(placed.title).toBe('Things fall apart');
    const refused = await call('HoldTitle', { patron_id: lookup.id, bib_id: '12', request_location: '127.0.0.1' });
    expect(refused.code).toBe('tooManyHoldsForThisRecord');

    const afterHold = (await call('GetPatronInfo', { patron_id: lookup.id, show_contact: '0', show_holds: '1' })).holds.hold as any[];
    const newHold = afterHold.find((h) => h.biblionumber === '12');
    expect((await call('CancelHold', { patron_id: lookup.id, item_id: newHold.reserve_id })).code).toBe('Canceled');

    // RenewLoan: success is the absence of <error>.
    const renewed = await call('RenewLoan', { patron_id: lookup.id, item_id: '25' });
    expect('error' in renewed).toBe(false);
    expect(renewed.date_due).toBe('2027-01-12 23:59');
    const notMine = await call('RenewLoan', { patron_id: lookup.id, item_id: '4' });
    expect('error' in notMine).toBe(true);
    const wanted = await call('RenewLoan', { patron_id: '2', item_id: '42' }); // another patron holds the record
    expect(wanted.error).toBe('on_reserve');
  });
});
