import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Clock } from '../../src/clock.js';
import type { Database } from '../../src/store/db.js';
import { testApp } from '../helpers/app.js';
import { ILSDI_NOW, ilsdiConfig, ilsdiDeps, inRolledBackTransaction, KEYS, loadIlsdiFixture, schemaProblems, xpathOne } from '../helpers/ilsdi.js';
import { databaseLabel, openTestDatabase } from '../helpers/test-db.js';

/** Access control in front of ILS-DI: allow-list, API keys and scopes, login guessing, secrets in logs. */
describe(`ILS-DI access control on ${databaseLabel()}`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await loadIlsdiFixture(db);
  }, 300_000);
  afterAll(async () => db.close());

  const authenticate = (password: string, key: string = KEYS.all) =>
    `service=AuthenticatePatron&username=jdoe&password=${password}&apikey=${key}`;

  describe('allow-list', () => {
    it('refuses an address outside the list with Koha NotAllowed, HTTP 200, root named after the verb', async () => {
      const config = ilsdiConfig((ilsdi) => ({ access: { ...ilsdi.access, allow: ['10.0.0.0/8', '2001:db8::/32'] } }));
      const res = await request(testApp(ilsdiDeps(db, { config }))).get('/ilsdi?service=GetAvailability&id=1&id_type=bib');
      expect(res.status).toBe(200);
      expect(xpathOne(res.text, '/GetAvailability/code')).toBe('NotAllowed');
      expect(xpathOne(res.text, '/GetAvailability/message')).toMatch(/^Unauthorized IP address: .*127\.0\.0\.1\.$/);
      expect(schemaProblems(res.text)).toBe('');
    });

    it('denies everyone when the list is empty, with root <ilsdi> as Koha since bug 36867', async () => {
      const config = ilsdiConfig((ilsdi) => ({ access: { ...ilsdi.access, allow: [] } }));
      const res = await request(testApp(ilsdiDeps(db, { config }))).get('/ilsdi?service=GetRecords&id=1');
      expect(xpathOne(res.text, '/ilsdi/code')).toBe('NotAllowed');
      expect(schemaProblems(res.text)).toBe('');
    });

    it('judges the client address behind a trusted proxy (X-Forwarded-For), CIDR ranges included', async () => {
      const base = ilsdiConfig((ilsdi) => ({ access: { ...ilsdi.access, allow: ['192.0.2.0/24'] } }));
      const config = { ...base, server: { ...base.server, trustProxy: 'loopback' } };
      const app = testApp(ilsdiDeps(db, { config }));
      const inside = await request(app).get('/ilsdi?service=GetAvailability&id=1&id_type=bib').set('X-Forwarded-For', '192.0.2.77');
      expect(xpathOne(inside.text, 'count(//dlf:record)')).toBe('1');
      const outside = await request(app).get('/ilsdi?service=GetAvailability&id=1&id_type=bib').set('X-Forwarded-For', '198.51.100.1');
      expect(xpathOne(outside.text, '/GetAvailability/code')).toBe('NotAllowed');
      expect(xpathOne(outside.text, '/GetAvailability/message')).toBe('Unauthorized IP address: 198.51.100.1.');
    });

    it('still shows the HTML documentation page to anyone, as Koha does', async () => {
      const config = ilsdiConfig((ilsdi) => ({ access: { ...ilsdi.access, allow: [] } }));
      const res = await request(testApp(ilsdiDeps(db, { config }))).get('/ilsdi');
      expect(res.status).toBe(200);
      expect(res.type).toBe('text/html');
      for (const verb of ['GetAvailability', 'AuthenticatePatron', 'CancelHold']) expect(res.text).toContain(`<h2 id="${verb}">`);
    });
  });

  describe('API keys and scopes', () => {
    const app = () => testApp(ilsdiDeps(db));
    it('serves the availability scope without a key, and nothing else', async () => {
      expect(xpathOne((await request(app()).get('/ilsdi?service=GetRecords&id=2')).text, 'count(/GetRecords/record/items/item)')).toBe('5');
      for (const query of ['service=LookupPatron&id=jdoe', 'service=HoldTitle&patron_id=1&bib_id=8&request_location=x']) {
        const res = await request(app()).get(`/ilsdi?${query}`);
        expect(xpathOne(res.text, '/*/code')).toBe('NotAllowed');
      }
    });

    it('accepts the key as Authorization: apikey, X-Api-Key, a path segment or an argument', async () => {
      const query = '?service=GetPatronStatus&patron_id=1';
      const answers = await Promise.all([
        request(app()).get(`/ilsdi${query}`).set('Authorization', `apikey ${KEYS.read}`),
        request(app()).get(`/ilsdi${query}`).set('X-Api-Key', KEYS.read),
        request(app()).get(`/ilsdi/key/${KEYS.read}${query}`),
        request(app()).get(`/ilsdi${query}&apikey=${KEYS.read}`),
        request(app()).post('/ilsdi').type('form').send(`service=GetPatronStatus&patron_id=1&apikey=${KEYS.read}`),
      ]);
      for (const res of answers) expect(xpathOne(res.text, '/GetPatronStatus/type')).toBe('ADULT');
    });

    it('refuses a missing, wrong, empty or revoked key, and a key without the scope', async () => {
      const cases: Array<[string, Record<string, string>]> = [
        ['/ilsdi?service=GetPatronInfo&patron_id=1', {}],
        ['/ilsdi?service=GetPatronInfo&patron_id=1', { 'X-Api-Key': 'lgk_wrong' }],
        ['/ilsdi?service=GetPatronInfo&patron_id=1', { 'X-Api-Key': '' }],
        ['/ilsdi?service=GetPatronInfo&patron_id=1', { 'X-Api-Key': KEYS.revoked }],
        ['/ilsdi?service=GetAvailability&id=1&id_type=bib', { 'X-Api-Key': KEYS.revoked }],
        ['/ilsdi?service=CancelHold&patron_id=1&item_id=3', { 'X-Api-Key': KEYS.read }],
      ];
      for (const [url, headers] of cases) {
        const res = await request(app()).get(url).set(headers);
        expect(res.status).toBe(200);
        expect(xpathOne(res.text, '/*/code')).toBe('NotAllowed');
      }
    });

    it('opens more scopes without a key when config says so', async () => {
      const config = ilsdiConfig((ilsdi) => ({ access: { ...ilsdi.access, openScopes: ['availability', 'patron-read'] } }));
      const res = await request(testApp(ilsdiDeps(db, { config }))).get('/ilsdi?service=LookupPatron&id=jdoe&id_type=userid');
      expect(xpathOne(res.text, '/LookupPatron/id')).toBe('1');
    });
  });

  describe('AuthenticatePatron against guessing', () => {
    it('locks a patron after maxLoginFailures failures: then even the right password fails, until unlocked', async () => {
      const config = ilsdiConfig((ilsdi) => ({ access: { ...ilsdi.access, maxLoginFailures: 3, maxClientLoginFailures: 0 } }));
      await inRolledBackTransaction(db, { config }, async (app, deps) => {
        for (let i = 0; i < 3; i += 1) {
          expect(xpathOne((await request(app).post('/ilsdi').type('form').send(authenticate('guess'))).text, '/AuthenticatePatron/code')).toBe('PatronNotFound');
        }
        const locked = await request(app).post('/ilsdi').type('form').send(authenticate('jdoe-demo-1'));
        expect(xpathOne(locked.text, '/AuthenticatePatron/code')).toBe('PatronNotFound');
        expect(await deps.store.patrons.unlock('jdoe')).toBe(1);
        const open = await request(app).post('/ilsdi').type('form').send(authenticate('jdoe-demo-1'));
        expect(xpathOne(open.text, '/AuthenticatePatron/id')).toBe('1');
      });
    });

    it('a success resets the count; with lockoutMinutes the lock runs out', async () => {
      let now = new Date(ILSDI_NOW).getTime();
      const clock: Clock = { now: () => new Date(now) };
      const config = ilsdiConfig((ilsdi) => ({ access: { ...ilsdi.access, maxLoginFailures: 2, lockoutMinutes: 10, maxClientLoginFailures: 0 } }));
      await inRolledBackTransaction(db, { config, clock }, async (app) => {
        const code = async (password: string) => {
          const text = (await request(app).post('/ilsdi').type('form').send(authenticate(password))).text;
          return xpathOne(text, '/AuthenticatePatron/code') ?? `id ${xpathOne(text, '/AuthenticatePatron/id')}`;
        };
        expect(await code('guess')).toBe('PatronNotFound');
        expect(await code('jdoe-demo-1')).toBe('id 1'); // resets
        expect(await code('guess')).toBe('PatronNotFound');
        expect(await code('guess')).toBe('PatronNotFound'); // locked now
        expect(await code('jdoe-demo-1')).toBe('PatronNotFound');
        now += 11 * 60_000;
        expect(await code('jdoe-demo-1')).toBe('id 1');
      });
    });

    it('refuses a client with too many recent failures, across patrons, without checking the password', async () => {
      const config = ilsdiConfig((ilsdi) => ({ access: { ...ilsdi.access, maxLoginFailures: 0, maxClientLoginFailures: 3, clientLoginWindowMinutes: 15 } }));
      await inRolledBackTransaction(db, { config }, async (app) => {
        for (const user of ['jdoe', 'mrossi', 'nobody']) {
          await request(app).post('/ilsdi').type('form').send(`service=AuthenticatePatron&username=${user}&password=x&apikey=${KEYS.all}`);
        }
        const blocked = await request(app).post('/ilsdi').type('form').send(authenticate('jdoe-demo-1'));
        expect(xpathOne(blocked.text, '/AuthenticatePatron/code')).toBe('NotAllowed');
        const otherClient = await request(app).post('/ilsdi').type('form').send(authenticate('jdoe-demo-1', KEYS.read));
        expect(xpathOne(otherClient.text, '/AuthenticatePatron/id')).toBe('1');
      });
    });
  });

  it('never logs a password or an API key, from a query string, a path or a form body', async () => {
    const logLines: string[] = [];
    await inRolledBackTransaction(db, { logLines }, async (app) => {
      await request(app).get(`/ilsdi?service=AuthenticatePatron&username=jdoe&password=Secret-In-Query&apikey=${KEYS.all}`);
      await request(app).post('/ilsdi').type('form').send(`service=AuthenticatePatron&username=jdoe&password=Secret-In-Body&apikey=${KEYS.all}`);
      await request(app).get(`/ilsdi/key/${KEYS.all}?service=GetPatronStatus&patron_id=1`);
      await request(app).get('/ilsdi?service=GetPatronStatus&patron_id=1').set('X-Api-Key', KEYS.all);
    });
    const log = logLines.join('\n');
    expect(logLines.length).toBeGreaterThanOrEqual(4);
    expect(log).not.toMatch(/Secret-In-Query|Secret-In-Body|jdoe-demo-1/);
    expect(log).not.toContain(KEYS.all);
    expect(log).toContain('password=[REDACTED]');
  });
});
