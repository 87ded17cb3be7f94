import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';
import { fixedClock, type Clock } from '../../src/clock.js';
import type { Config } from '../../src/config/schema.js';
import { BUILTIN_CROSSWALKS } from '../../src/crosswalk/builtin.js';
import { loadCrosswalks, withAliases, type CrosswalkRegistry } from '../../src/crosswalk/registry.js';
import type { Deps } from '../../src/deps.js';
import { oaiCrosswalkPlan } from '../../src/oai/formats.js';
import type { Database } from '../../src/store/db.js';
import { testApp, testDeps } from './app.js';
import { importFiles, shippedConfig, storeFor } from './import.js';
import { REPO_ROOT } from './paths.js';

export const SAMPLE = path.join(REPO_ROOT, 'sample', 'catalogue.xml');
/** The sample is imported at this time; the app answers at TEST_NOW (later), so every record is below the horizon. */
export const IMPORT_TIME = '2026-01-10T09:30:00Z';

let registry: Promise<CrosswalkRegistry> | undefined;
/** Built-in crosswalks plus the OAI formats' stylesheets of the shipped config, compiled once per process. */
export function oaiCrosswalks(config: Config = shippedConfig()): Promise<CrosswalkRegistry> {
  const plan = oaiCrosswalkPlan(config, path.join(REPO_ROOT, 'conf'), BUILTIN_CROSSWALKS, REPO_ROOT);
  registry ??= loadCrosswalks([...BUILTIN_CROSSWALKS, ...plan.specs], {
    rootDir: REPO_ROOT,
    sefDir: path.join(os.tmpdir(), `libgate-test-sef-${os.userInfo().uid}`),
  }).then((loaded) => withAliases(loaded, plan.aliases));
  return registry;
}

export async function importSample(db: Database, options: { config?: Config; clock?: Clock; batchSize?: number } = {}): Promise<void> {
  const config = options.config ?? shippedConfig();
  const store = storeFor(db, config, options.clock ?? fixedClock(IMPORT_TIME));
  await importFiles(store, [SAMPLE], { config, ...(options.batchSize ? { batchSize: options.batchSize } : {}) });
}

export async function oaiApp(db: Database, options: { config?: Config; clock?: Clock } = {}): Promise<{ deps: Deps; app: Express }> {
  const config = options.config ?? shippedConfig();
  const deps = testDeps(db, { config, crosswalks: await oaiCrosswalks(), ...(options.clock ? { clock: options.clock } : {}) });
  return { deps, app: testApp(deps) };
}

export const NS = { oai: 'http://www.openarchives.org/OAI/2.0/', marc: 'http://www.loc.gov/MARC21/slim', dc: 'http://purl.org/dc/elements/1.1/', oai_dc: 'http://www.openarchives.org/OAI/2.0/oai_dc/', mods: 'http://www.loc.gov/mods/v3' };
const select = xpath.useNamespaces(NS);

/** XPath over a response body: strings of the matched nodes. */
export function xp(body: string, expression: string): string[] {
  const doc = new DOMParser().parseFromString(body, 'text/xml');
  const nodes = select(expression, doc as unknown as Node) as unknown;
  if (!Array.isArray(nodes)) return [String(nodes)];
  return nodes.map((n: Node) => (n.nodeType === 2 ? (n as Attr).value : (n.textContent ?? '')));
}

export async function oaiGet(app: Express, query: string): Promise<string> {
  const res = await request(app).get(`/oai${query ? `?${query}` : ''}`);
  if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${query}: ${res.text}`);
  return res.text;
}

/** Every page of a list: the bodies, following resumption tokens. */
export async function harvestPages(app: Express, firstQuery: string): Promise<string[]> {
  const verb = /verb=(\w+)/.exec(firstQuery)![1];
  const pages: string[] = [];
  let query = firstQuery;
  for (;;) {
    const body = await oaiGet(app, query);
    pages.push(body);
    const token = xp(body, '//oai:resumptionToken/text()')[0];
    if (!token) return pages;
    query = `verb=${verb}&resumptionToken=${encodeURIComponent(token)}`;
  }
}

export const OAI_RESPONSE_XSD = path.join(REPO_ROOT, 'test', 'oai', 'oai-response.xsd');
