/**
 * Set membership (rules, hierarchy, recomputation when definitions change, datestamps), start-up
 * bumps when a stylesheet changes, the dissemination cache and records that fail to transform.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { BUILTIN_CROSSWALKS } from '../../src/crosswalk/builtin.js';
import { loadCrosswalks } from '../../src/crosswalk/registry.js';
import { oaiCrosswalkPlan } from '../../src/oai/formats.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { fixedClock } from '../../src/clock.js';
import type { Config } from '../../src/config/schema.js';
import { TransformError } from '../../src/crosswalk/errors.js';
import type { CrosswalkRegistry } from '../../src/crosswalk/registry.js';
import { prepareOai } from '../../src/oai/startup.js';
import { SetRuleError } from '../../src/oai/set-rules.js';
import type { Database } from '../../src/store/db.js';
import { createStore } from '../../src/store/store.js';
import { openTestDatabase } from '../helpers/test-db.js';
import { testApp, testDeps } from '../helpers/app.js';
import { shippedConfig } from '../helpers/import.js';
import { harvestPages, importSample, oaiApp, oaiCrosswalks, oaiGet, xp } from '../helpers/oai.js';

const ID = 'oai:libgate.example.org:';
type Sets = Config['oai']['sets'];

function withSets(sets: Sets): Config {
  const config = structuredClone(shippedConfig()) as Config & { oai: { sets: Sets } };
  config.oai.sets = sets;
  return config;
}

async function datestamps(db: Database): Promise<Map<string, string>> {
  const rows = await db.knex('records').select('local_id', 'datestamp');
  return new Map(rows.map((r) => [r.local_id as string, new Date(r.datestamp as Date).toISOString()]));
}

describe('sets and dissemination', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await importSample(db);
  }, 300_000);
  afterAll(async () => db.close());

  it('a CQL set (the SRU engine compiles the rule) holds the records the query finds', async () => {
    const config = withSets([{ spec: 'austen', name: 'Jane Austen', rule: { kind: 'cql', query: 'dc.creator = austen' } }]);
    const deps = testDeps(db, { config, crosswalks: await oaiCrosswalks(), clock: fixedClock('2026-01-12T00:00:00Z') });
    await prepareOai(deps);
    // Membership moved the members' datestamps to 00:00:00; a harvest sees them once the clock has moved on.
    const later = testDeps(db, { config, crosswalks: await oaiCrosswalks(), clock: fixedClock('2026-01-12T00:00:01Z') });
    const ids = (await harvestPages(testApp(later), 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=austen')).flatMap((p) => xp(p, '//oai:identifier/text()'));
    expect(ids).toContain(`${ID}1`);
    expect(ids).toContain(`${ID}2`);
    expect(ids.length).toBeLessThan(20);
  });

  it('without a CQL compiler a cql rule is a start-up configuration error naming the set', () => {
    const config = withSets([{ spec: 'x', name: 'X', rule: { kind: 'cql', query: 'dc.title = a' } }]);
    expect(() => createStore(db, config, fixedClock('2026-01-12T00:00:00Z'), { cqlCompiler: null })).toThrow(SetRuleError);
    expect(() => createStore(db, config, fixedClock('2026-01-12T00:00:00Z'), { cqlCompiler: null })).toThrow(/oai\.sets\.0\.rule \(set x\): cql rules need the CQL engine/);
  });

  it('a CQL rule the engine cannot translate is a start-up error naming the set', () => {
    const config = withSets([{ spec: 'bad', name: 'Bad', rule: { kind: 'cql', query: 'nosuchindex = a' } }]);
    expect(() => createStore(db, config, fixedClock('2026-01-12T00:00:00Z'))).toThrow(/set bad/);
  });

  it('changed set definitions: membership is recomputed and only records whose membership changed get a new datestamp', async () => {
    const shipped = testDeps(db, { config: shippedConfig(), crosswalks: await oaiCrosswalks(), clock: fixedClock('2026-01-13T00:00:00Z') });
    await prepareOai(shipped);
    const before = await datestamps(db);
    // library:RARE widened to RARE + MUSIC: records with MUSIC items (and no RARE item) move.
    const sets = structuredClone(shippedConfig().oai.sets) as Sets;
    const rare = sets.find((s) => s.spec === 'library:RARE')!;
    (rare as { rule: unknown }).rule = { kind: 'library', codes: ['RARE', 'MUSIC'] };
    const deps = testDeps(db, { config: withSets(sets), crosswalks: await oaiCrosswalks(), clock: fixedClock('2026-01-14T00:00:00Z') });
    const report = await prepareOai(deps);
    expect(report.membershipChanged).toBeGreaterThan(0);
    const after = await datestamps(db);
    const moved = [...after].filter(([id, ds]) => before.get(id) !== ds).map(([id]) => id);
    expect(moved).toHaveLength(report.membershipChanged);
    for (const id of moved) expect(after.get(id)).toBe('2026-01-14T00:00:00.000Z');
    const rareIds = (await harvestPages(testApp(deps), 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=library:RARE')).flatMap((p) => xp(p, '//oai:identifier/text()'));
    const musicIds = (await harvestPages(testApp(deps), 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=library:MUSIC')).flatMap((p) => xp(p, '//oai:identifier/text()'));
    expect(rareIds).toEqual(expect.arrayContaining(musicIds));
    // Nothing changed: a second start moves nothing.
    expect((await prepareOai(deps)).membershipChanged).toBe(0);
    // Back to the shipped sets for the tests below.
    await prepareOai(testDeps(db, { config: shippedConfig(), crosswalks: await oaiCrosswalks(), clock: fixedClock('2026-01-14T01:00:00Z') }));
  });

  it('dissemination: crosswalk output is cached per (record, format, stylesheet hash) and reused', async () => {
    const { app } = await oaiApp(db);
    const first = await oaiGet(app, `verb=GetRecord&identifier=${ID}5&metadataPrefix=oai_dc`);
    const rows = await db.knex('oai_disseminations as d').join('records as r', 'r.id', 'd.record_id').where({ 'r.local_id': '5', 'd.format': 'oai_dc' }).select('d.record_id', 'd.xml');
    expect(rows).toHaveLength(1);
    // Prove the cache is read: mark the cached copy and ask again.
    await db.knex('oai_disseminations').where({ record_id: rows[0].record_id, format: 'oai_dc' }).update({ xml: String(rows[0].xml).replace('<dc:title>', '<dc:title>[cached] ') });
    const second = await oaiGet(app, `verb=GetRecord&identifier=${ID}5&metadataPrefix=oai_dc`);
    expect(second).toContain('[cached] ');
    expect(second.replace('[cached] ', '')).toBe(first);
  });

  it('a changed stylesheet moves every live datestamp at start-up and drops the stale cache', async () => {
    const real = await oaiCrosswalks();
    const changed: CrosswalkRegistry = { ...real, hash: (name) => (name === 'oai:oai_dc' ? 'a-new-hash' : real.hash(name)) };
    const deps = testDeps(db, { config: shippedConfig(), crosswalks: changed, clock: fixedClock('2026-01-14T02:00:00Z') });
    const report = await prepareOai(deps);
    expect(report.stylesheetsChanged).toEqual(['oai_dc']);
    expect(report.datestampsBumped).toBe(289);
    const live = await db.knex('records').where({ deleted: false }).select('datestamp');
    for (const row of live) expect(new Date(row.datestamp as Date).toISOString()).toBe('2026-01-14T02:00:00.000Z');
    const stale = await db.knex('oai_disseminations').where({ format: 'oai_dc' }).whereNot({ stylesheet_hash: 'a-new-hash' }).count<Array<{ n: string }>>({ n: '*' });
    expect(Number(stale[0]?.n)).toBe(0);
    // Restore the real hash for the next tests (another bump, as a real downgrade would do).
    await prepareOai(testDeps(db, { config: shippedConfig(), crosswalks: real, clock: fixedClock('2026-01-14T03:00:00Z') }));
  });

  it('a record that cannot be transformed is logged and left out of lists; GetRecord says cannotDisseminateFormat', async () => {
    const real = await oaiCrosswalks();
    const failing = (record: string) => record.includes('<controlfield tag="001">2</controlfield>');
    const broken: CrosswalkRegistry = {
      ...real,
      transformMany: (name, records) => records.map((r) => (failing(r) ? new TransformError('failed', name, 'broken on purpose') : real.transform(name, r))),
    };
    await db.knex('oai_disseminations').delete();
    const warnings: string[] = [];
    const deps = testDeps(db, { config: shippedConfig(), crosswalks: broken, clock: fixedClock('2026-01-15T12:00:00Z') });
    const log = pino({ level: 'warn' }, { write: (line: string) => { warnings.push(line); } });
    const app: Express = testApp({ ...deps, log });
    const pages = await harvestPages(app, 'verb=ListRecords&metadataPrefix=mods&set=library:CENTRAL');
    const ids = pages.flatMap((p) => xp(p, '//oai:record/oai:header/oai:identifier/text()'));
    expect(ids).not.toContain(`${ID}2`);
    expect(ids.length).toBeGreaterThan(10);
    expect(warnings.some((w) => w.includes('cannot be disseminated') && w.includes('"localId":"2"'))).toBe(true);
    const one = await oaiGet(app, `verb=GetRecord&identifier=${ID}2&metadataPrefix=mods`);
    expect(xp(one, '//oai:error/@code')).toEqual(['cannotDisseminateFormat']);
  });

  it('a format whose xsl_file is missing or broken stops start-up with a message naming the file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oai-xsl-'));
    const broken = path.join(dir, 'broken.xsl');
    writeFileSync(broken, '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><xsl:value-of select="(("/></xsl:template></xsl:stylesheet>');
    for (const [file, message] of [[path.join(dir, 'nope.xsl'), /nope\.xsl/], [broken, /broken\.xsl/]] as const) {
      const config = structuredClone(shippedConfig()) as Config & { oai: { formats: Record<string, unknown> } };
      config.oai.formats.vs = { metadataPrefix: 'vs', metadataNamespace: 'http://example.org/vs', schema: 'http://example.org/vs.xsd', xsl_file: file, include_items: false };
      const plan = oaiCrosswalkPlan(config, path.join(REPO_ROOT, 'conf'), BUILTIN_CROSSWALKS, REPO_ROOT);
      expect(plan.specs.map((s) => s.name)).toEqual(['oai:vs']);
      expect([...plan.aliases]).toEqual([['oai:oai_dc', 'oai_dc'], ['oai:mods', 'mods']]);
      await expect(loadCrosswalks(plan.specs, { rootDir: REPO_ROOT, sefDir: dir })).rejects.toThrow(message);
    }
  }, 300_000);

  it('a repository without sets answers noSetHierarchy to ListSets and to set=', async () => {
    const { app } = await oaiApp(db, { config: withSets([]) });
    expect(xp(await oaiGet(app, 'verb=ListSets'), '//oai:error/@code')).toEqual(['noSetHierarchy']);
    expect(xp(await oaiGet(app, 'verb=ListRecords&metadataPrefix=oai_dc&set=a'), '//oai:error/@code')).toEqual(['noSetHierarchy']);
  });
});
