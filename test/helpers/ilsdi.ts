import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import type { Knex } from 'knex';
import { DOMParser } from '@xmldom/xmldom';
import { pino } from 'pino';
import xpath from 'xpath';
import { fixedClock, type Clock } from '../../src/clock.js';
import type { Config } from '../../src/config/schema.js';
import type { IlsdiScope } from '../../src/config/sections/ilsdi.js';
import { noCrosswalks } from '../../src/crosswalk/registry.js';
import type { Deps } from '../../src/deps.js';
import { hashApiKey } from '../../src/ilsdi/access/api-keys.js';
import { loadIlsdiSample } from '../../src/import/ilsdi-sample.js';
import { compileIndexMap } from '../../src/indexing/index-map.js';
import type { Database } from '../../src/store/db.js';
import { createStore, type Store } from '../../src/store/store.js';
import { testApp } from './app.js';
import { importFiles, shippedConfig } from './import.js';
import { REPO_ROOT } from './paths.js';

/** The ILS-DI tests' "now": the sample's loans and holds were written around this day. */
export const ILSDI_NOW = '2026-11-25T12:00:00Z';

/** Test API keys, inserted with known values (real keys are random). */
export const KEYS = {
  all: 'lgk_test-all-scopes',
  read: 'lgk_test-patron-read',
  revoked: 'lgk_test-revoked',
} as const;

export const SAMPLE_FILES = {
  patrons: path.join(REPO_ROOT, 'sample/patrons.json'),
  circulation: path.join(REPO_ROOT, 'sample/circulation.json'),
};

/** The shipped config with changes to the ilsdi section (deep enough for access and circulation). */
export function ilsdiConfig(change: (ilsdi: Config['ilsdi']) => Partial<Config['ilsdi']> = () => ({})): Config {
  const config = structuredClone(shippedConfig()) as Config;
  return { ...config, ilsdi: { ...config.ilsdi, ...change(config.ilsdi) } };
}

/** Loads the sample catalogue, patrons and circulation, and the test keys, into a migrated database. */
export async function loadIlsdiFixture(db: Database, config: Config = shippedConfig(), clock: Clock = fixedClock(ILSDI_NOW)): Promise<void> {
  const store = createStore(db, config, clock);
  await importFiles(store, [path.join(REPO_ROOT, 'sample/catalogue.xml')]);
  await loadIlsdiSample(store, SAMPLE_FILES, { rounds: 4, log: pino({ level: 'silent' }), now: clock.now() });
  const scopes: IlsdiScope[] = ['availability', 'patron-read', 'patron-write'];
  await store.access.createKey({ name: 'all', keyPrefix: KEYS.all.slice(0, 12), keyHash: hashApiKey(KEYS.all), scopes }, clock.now());
  await store.access.createKey({ name: 'read', keyPrefix: KEYS.read.slice(0, 12), keyHash: hashApiKey(KEYS.read), scopes: ['patron-read'] }, clock.now());
  const revoked = await store.access.createKey({ name: 'revoked', keyPrefix: KEYS.revoked.slice(0, 12), keyHash: hashApiKey(KEYS.revoked), scopes }, clock.now());
  await store.access.revokeKey(revoked, clock.now());
}

export interface IlsdiDepsOptions {
  config?: Config;
  clock?: Clock;
  /** Collects what the server logs (to check that no secret reaches a log). */
  logLines?: string[];
}

export function ilsdiDeps(db: Database | { knex: Knex; kind: Database['kind'] }, options: IlsdiDepsOptions = {}): Deps {
  const config = options.config ?? shippedConfig();
  const clock = options.clock ?? fixedClock(ILSDI_NOW);
  const log = options.logLines
    ? pino({ level: 'trace' }, { write: (line: string) => options.logLines!.push(line) })
    : pino({ level: 'silent' });
  const store: Store = createStore({ ...db, close: async () => {} }, config, clock);
  return { config, store, clock, log, indexMap: compileIndexMap(config.indexes), crosswalks: noCrosswalks() };
}

/**
 * Runs `body` with an app over a transaction that is rolled back afterwards, so every case starts
 * from the same sample data (and the ids it creates are the same every time).
 */
export async function inRolledBackTransaction(db: Database, options: IlsdiDepsOptions, body: (app: Express, deps: Deps) => Promise<void>): Promise<void> {
  const rollback = new Error('rollback');
  try {
    await db.knex.transaction(async (trx) => {
      const deps = ilsdiDeps({ knex: trx, kind: db.kind }, options);
      await body(testApp(deps), deps);
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
}

const SCHEMA_DIR = path.join(REPO_ROOT, 'test/ilsdi/schema');

/** xmllint against the ILS-DI schemas (DLF for GetAvailability); returns xmllint's complaints, '' when valid. */
export function schemaProblems(xml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ilsdi-xsd-'));
  try {
    const file = path.join(dir, 'response.xml');
    writeFileSync(file, xml);
    const schema = xml.includes('<dlf:collection') ? 'dlf-koha.xsd' : 'ilsdi-koha.xsd';
    execFileSync('xmllint', ['--nonet', '--noout', '--schema', path.join(SCHEMA_DIR, schema), file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Well-formedness only (for roots no schema can know, such as an unknown verb's name). */
export function wellFormedProblems(xml: string): string {
  try {
    execFileSync('xmllint', ['--nonet', '--noout', '-'], { input: xml, stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

/** XPath over a response, with dlf: bound to the DLF ILS-DI namespace. */
export function xpathAll(xml: string, expression: string): string[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const select = xpath.useNamespaces({ dlf: 'http://diglib.org/ilsdi/1.1' });
  const nodes = select(expression, doc as unknown as Node) as unknown;
  if (!Array.isArray(nodes)) return [String(nodes)];
  return (nodes as Array<{ textContent: string | null; nodeValue: string | null }>).map((node) => node.textContent ?? node.nodeValue ?? '');
}

/** The single value of an XPath (undefined when it selects nothing). */
export function xpathOne(xml: string, expression: string): string | undefined {
  const all = xpathAll(xml, expression);
  if (all.length > 1) throw new Error(`${expression} selects ${all.length} nodes`);
  return all[0];
}

/** A real HTTP server on a free loopback port over `deps`, for replays that build URLs as clients do. */
export async function listen(app: Express): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address() as import('node:net').AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
