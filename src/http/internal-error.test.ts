import { describe, expect, it } from '@jest/globals';
import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { internalErrorHandler } from './internal-error.js';

function appThrowing(error: unknown) {
  const app = express();
  app.get('/boom', () => {
    throw error;
  });
  app.use(internalErrorHandler(pino({ level: 'silent' })));
  return app;
}

describe('the last-resort error handler', () => {
  it('answers an internal error with a generic 500 and no stack trace', async () => {
    const res = await request(appThrowing(new TypeError('secret detail at /src/x.ts:12'))).get('/boom');
    expect(res.status).toBe(500);
    expect(res.text).toBe('Internal server error\n');
  });

  it('answers 503 with Retry-After when the database is unreachable', async () => {
    const res = await request(appThrowing(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).get('/boom');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
  });

  it('keeps client errors from body parsing as 4xx', async () => {
    const res = await request(appThrowing(Object.assign(new Error('too large'), { status: 413 }))).get('/boom');
    expect(res.status).toBe(413);
  });
});
