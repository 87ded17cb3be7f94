import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import type { Database } from '../../src/store/db.js';
import { testApp } from '../helpers/app.js';
import { ilsdiDeps, KEYS, listen, loadIlsdiFixture } from '../helpers/ilsdi.js';
import { databaseLabel, openTestDatabase } from '../helpers/test-db.js';

/**
 * Replays VuFind's KohaILSDI driver (module/VuFind/src/VuFind/ILS/Driver/KohaILSDI.php) against a
 * running libgate: the URLs it builds (`<url>?service=` + query, the AuthenticatePatron password
 * concatenated unencoded; makeIlsdiRequest's parameters urlencoded), its Accept header, its rule that
 * any non-2xx is an error, and the fields it reads, parsed as loosely as simplexml does. VuFind can
 * only be given a base URL, so the key goes in the path form /ilsdi/key/<key>.
 */
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ['hold', 'loan', 'AvailableFor', 'fine'].includes(name) });

describe(`VuFind KohaILSDI flow on ${databaseLabel()}`, () => {
  let db: Database;
  let server: { baseUrl: string; close(): Promise<void> };
  let url: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    await loadIlsdiFixture(db);
    server = await listen(testApp(ilsdiDeps(db)));
    url = `${server.baseUrl}/cgi-bin/koha/ilsdi.pl/key/${KEYS.all}`;
  }, 300_000);
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  /** VuFind's makeRequest: GET `<url>?service=<query>`, Accept text/xml, non-2xx throws, body parsed as XML. */
  async function makeRequest(query: string): Promise<Record<string, any>> {
    const res = await fetch(`${url}?service=${query}`, { headers: { Accept: 'text/xml', 'Accept-encoding': 'plain' } });
    if (!res.ok) throw new Error('HTTP error');
    const doc = parser.parse(await res.text()) as Record<string, any>;
    const root = Object.keys(doc).find((k) => k !== '?xml')!;
    return doc[root] ?? {};
  }

  /** makeIlsdiRequest: the same with each parameter urlencoded. */
  async function makeIlsdiRequest(service: string, params: Record<string, string>): Promise<Record<string, any>> {
    return makeRequest(service + Object.entries(params).map(([k, v]) => `&${k}=${encodeURIComponent(v)}`).join(''));
  }

  it('logs in, reads profile, holds and loans, renews, places, retries and cancels holds', async () => {
    // patronLogin: AuthenticatePatron, then GetPatronInfo with contact.
    const login = await makeRequest('AuthenticatePatron&username=jdoe&password=jdoe-demo-1');
    expect(login.code).toBeUndefined();
    const id = String(login.id);
    expect(id).toBe('1');
    const profile = await makeRequest(`GetPatronInfo&patron_id=${id}&show_contact=1`);
    expect(profile.code).not.toBe('PatronNotFound');
    expect([profile.firstname, profile.surname, profile.email]).toEqual(['Jane', 'Doe', 'jane.doe@example.org']);
    expect([profile.address, profile.zipcode, profile.phone, profile.categorycode]).toEqual(['Library Lane', '12345', '555-0101', 'ADULT']);

    // A wrong password: a code, which VuFind turns into "login failed".
    expect((await makeRequest('AuthenticatePatron&username=jdoe&password=nope')).code).toBe('PatronNotFound');

    // getMyHolds: found = W means ready for pickup.
    const holds = (await makeRequest(`GetPatronInfo&patron_id=${id}&show_contact=0&show_holds=1`)).holds.hold as any[];
    expect(holds.map((h) => [h.biblionumber, h.branchname, h.found ?? '', h.reserve_id])).toEqual([
      ['7', 'Central Library', 'W', '2'],
      ['14', 'Central Library', '', '3'],
    ]);
    for (const hold of holds) {
      expect(hold.reservedate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof hold.title).toBe('string');
      expect(hold.priority).toMatch(/^\d+$/);
    }

    // getMyTransactions: loans, then one GetServices per loan; "loan renewal" means renewable.
    const loans = (await makeRequest(`GetPatronInfo&patron_id=${id}&show_contact=0&show_loans=1`)).loans.loan as any[];
    expect(loans.map((l) => l.itemnumber)).toEqual(['4', '13', '84']);
    const renewable: string[] = [];
    for (const loan of loans) {
      expect(loan.date_due).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(loan.barcode).toMatch(/^3900/);
      expect(loan.renewals).toMatch(/^\d+$/);
      const services = await makeRequest(`GetServices&patron_id=${id}&item_id=${loan.itemnumber}`);
      if ((services.AvailableFor ?? []).includes('loan renewal')) renewable.push(loan.itemnumber);
    }
    expect(renewable).toEqual(['84']); // 4 is wanted by another patron, 13 has used its renewals

    // renewMyItems: success != '0' counts as renewed; date_due split on the space.
    const renewed = await makeRequest(`RenewLoan&patron_id=${id}&item_id=84`);
    expect(renewed.success !== '0').toBe(true);
    expect(String(renewed.date_due).split(' ')).toEqual(['2027-01-20', '23:59']);
    const refused = await makeRequest(`RenewLoan&patron_id=${id}&item_id=4`);
    expect(refused.success).toBe('0'); // always present: a missing element would read as success

    // placeHold, title level, with an expiry date: any code is a failure.
    const title = await makeIlsdiRequest('HoldTitle', { patron_id: id, bib_id: '8', request_location: '127.0.0.1', pickup_location: 'EAST', expiry_date: '2027-03-01' });
    expect(title.code ?? '').toBe('');
    expect(title.pickup_location).toBe('East Branch');

    // Koha before 20.05 named the date needed_before_date; VuFind retries without the date on IllegalParameter.
    const old = await makeIlsdiRequest('HoldTitle', { patron_id: id, bib_id: '9', request_location: '127.0.0.1', pickup_location: 'EAST', needed_before_date: '2027-03-01' });
    expect(old.code).toBe('IllegalParameter');
    const retried = await makeIlsdiRequest('HoldTitle', { patron_id: id, bib_id: '9', request_location: '127.0.0.1', pickup_location: 'EAST' });
    expect(retried.code ?? '').toBe('');

    // placeHold, item level.
    const item = await makeIlsdiRequest('HoldItem', { patron_id: id, bib_id: '10', item_id: '31', pickup_location: 'CENTRAL', expiry_date: '2027-03-01' });
    expect(item.code ?? '').toBe('');
    expect(item.pickup_location).toBe('Central Library');

    // cancelHolds: success only when code is Canceled; the new holds are listed with their reserve_id.
    const after = (await makeRequest(`GetPatronInfo&patron_id=${id}&show_contact=0&show_holds=1`)).holds.hold as any[];
    expect(after.map((h) => h.biblionumber)).toEqual(['7', '14', '8', '9', '10']);
    const cancel = await makeRequest(`CancelHold&patron_id=${id}&item_id=${after[2].reserve_id}`);
    expect(cancel.code).toBe('Canceled');
    const waiting = await makeRequest(`CancelHold&patron_id=${id}&item_id=${after[0].reserve_id}`);
    expect(waiting.code).not.toBe('Canceled');
  });

  it('answers even a VuFind with no key: XML with NotAllowed (HTTP 200), which VuFind reports as a failure', async () => {
    const res = await fetch(`${server.baseUrl}/cgi-bin/koha/ilsdi.pl?service=GetPatronInfo&patron_id=1&show_contact=1`);
    expect(res.status).toBe(200);
    expect((parser.parse(await res.text()) as any).GetPatronInfo.code).toBe('NotAllowed');
  });
});
