// The statement timeout that protects the server: a search that cannot finish within
// sru.statementTimeoutMs answers diagnostic 2 instead of hanging. On PostgreSQL the search is held
// up deterministically by a lock another connection keeps on records; PGlite (one connection,
// no statement_timeout) cannot be held up, so there the same request simply completes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import request from 'supertest';
import type { Database } from '../../src/store/db.js';
import { testApp, testDeps } from '../helpers/app.js';
import { importFiles, shippedConfig } from '../helpers/import.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { openTestDatabase } from '../helpers/test-db.js';

const shipped = shippedConfig();
const config = { ...shipped, sru: { ...shipped.sru, statementTimeoutMs: 300 } };
let db: Database;
let app: Express;

beforeAll(async () => {
  db = await openTestDatabase();
  const deps = testDeps(db, { config });
  await importFiles(deps.store, [`${REPO_ROOT}/sample/catalogue.xml`]);
  app = testApp(deps);
}, 120_000);

afterAll(async () => {
  await db.close();
});

describe('statement timeout', () => {
  it(`answers diagnostic 2 when a search is held up on PostgreSQL (this run: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const url = '/sru?version=1.2&operation=searchRetrieve&query=dc.title%3Dhistory';
    if (db.kind === 'postgres') {
      const locker = await db.knex.transaction();
      try {
        await locker.raw('LOCK TABLE records IN ACCESS EXCLUSIVE MODE');
        const res = await request(app).get(url);
        expect(res.status).toBe(200);
        expect(res.text).toContain('<diag:uri>info:srw/diagnostic/1/2</diag:uri>');
        expect(res.text).toContain('<zs:numberOfRecords>0</zs:numberOfRecords>');
      } finally {
        await locker.rollback();
      }
    }
    const after = await request(app).get(url);
    expect(after.text).not.toContain('info:srw/diagnostic/');
    expect(after.text).toMatch(/<zs:numberOfRecords>[1-9]/);
  });
});
