import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Database } from '../../src/store/db.js';
import { inRolledBackTransaction, KEYS, loadIlsdiFixture, schemaProblems, wellFormedProblems } from '../helpers/ilsdi.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { databaseLabel, openTestDatabase } from '../helpers/test-db.js';

/**
 * The golden corpus: every verb and every error code libgate answers, as paired files in
 * test/ilsdi/golden/: `NN-name.request` (request line, headers, blank line, optional form body;
 * {{KEY_ALL}}, {{KEY_READ}}, {{KEY_REVOKED}} stand for the test API keys) and `NN-name.xml`, the
 * exact answer. Each case runs on the sample data in a transaction rolled back afterwards, with the
 * clock at ILSDI_NOW. Every answer is HTTP 200 text/xml and valid against test/ilsdi/schema.
 * UPDATE_GOLDEN=1 rewrites the .xml files (review the diff before committing).
 */
const DIR = path.join(REPO_ROOT, 'test/ilsdi/golden');
const cases = readdirSync(DIR).filter((f) => f.endsWith('.request')).sort();

function parseCase(text: string) {
  const filled = text.replaceAll('{{KEY_ALL}}', KEYS.all).replaceAll('{{KEY_READ}}', KEYS.read).replaceAll('{{KEY_REVOKED}}', KEYS.revoked);
  const [head, body = ''] = filled.split(/\n\n/, 2) as [string, string?];
  const [requestLine, ...headerLines] = head.split('\n');
  const [method, target] = requestLine!.split(' ') as ['GET' | 'POST', string];
  const headers = Object.fromEntries(headerLines.filter(Boolean).map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  }));
  return { method, target, headers, body: body.trim() };
}

describe(`ILS-DI golden responses on ${databaseLabel()}`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await loadIlsdiFixture(db);
  }, 300_000);
  afterAll(async () => db.close());

  it('has a case for every request file, and an answer file for every case', () => {
    expect(cases.length).toBeGreaterThan(60);
    const answers = readdirSync(DIR).filter((f) => f.endsWith('.xml'));
    if (!process.env.UPDATE_GOLDEN) expect(answers.sort()).toEqual(cases.map((c) => c.replace(/\.request$/, '.xml')));
  });

  it.each(cases)('%s', async (file) => {
    const spec = parseCase(readFileSync(path.join(DIR, file), 'utf8'));
    await inRolledBackTransaction(db, {}, async (app) => {
      let call = spec.method === 'POST' ? request(app).post(spec.target) : request(app).get(spec.target);
      for (const [name, value] of Object.entries(spec.headers)) call = call.set(name, value);
      const res = spec.method === 'POST' ? await call.send(spec.body) : await call;
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8" ?>\n')).toBe(true);
      const knownRoot = !/error-not-supported/.test(file);
      expect(knownRoot ? schemaProblems(res.text) : wellFormedProblems(res.text)).toBe('');
      const golden = path.join(DIR, file.replace(/\.request$/, '.xml'));
      if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, res.text);
      expect(res.text).toBe(readFileSync(golden, 'utf8'));
    });
  });
});
