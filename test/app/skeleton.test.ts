import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Database } from '../../src/store/db.js';
import { testApp, testDeps } from '../helpers/app.js';
import { databaseLabel, openTestDatabase } from '../helpers/test-db.js';

describe(`server skeleton on ${databaseLabel()}`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => db.close());

  it('GET / names the three endpoints with example links under the configured base URL', async () => {
    const res = await request(testApp(testDeps(db))).get('/');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    for (const path of ['/oai?verb=Identify', '/sru', '/ilsdi']) expect(res.text).toContain(`http://localhost:8080${path}`);
  });

  it('GET /health answers 200 with the database kind, and gives every response a request id', async () => {
    const res = await request(testApp(testDeps(db))).get('/health').set('X-Request-Id', 'abc-123');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: db.kind });
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('answers unknown paths with 404', async () => {
    const res = await request(testApp(testDeps(db))).get('/nope');
    expect(res.status).toBe(404);
  });
});

describe('server skeleton with the database gone', () => {
  it('GET /health answers 503 with Retry-After', async () => {
    const db = await openTestDatabase();
    const app = testApp(testDeps(db));
    await db.close();
    const res = await request(app).get('/health');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body.status).toBe('unavailable');
  });
});

