/**
 * `libgate precompute`: the dissemination cache filled ahead of harvests through the provider's own
 * dissemination path; a second run has nothing to do; a harvest then serves the cached output,
 * equal to a fresh transform; records that fail are counted and reported, never fatal.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../src/clock.js';
import { TransformError } from '../../src/crosswalk/errors.js';
import type { CrosswalkRegistry } from '../../src/crosswalk/registry.js';
import { main } from '../../src/main.js';
import { precomputeRange, selectPrecomputeFormats, splitIdRange } from '../../src/oai/precompute.js';
import type { Database } from '../../src/store/db.js';
import { testApp, testDeps, TEST_NOW } from '../helpers/app.js';
import { shippedConfig } from '../helpers/import.js';
import { harvestPages, importSample, oaiCrosswalks, SAMPLE } from '../helpers/oai.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { databaseLabel, openTestDatabase } from '../helpers/test-db.js';

const LIVE = 289;
const DELETED = 5;

/** The registry with every transformation counted (and, optionally, some made to fail). */
function counting(inner: CrosswalkRegistry, fail: (marcxml: string) => boolean = () => false): CrosswalkRegistry & { calls: number } {
  const wrapper = {
    calls: 0,
    names: inner.names,
    has: (name: string) => inner.has(name),
    transform: (name: string, marcxml: string) => {
      wrapper.calls += 1;
      return inner.transform(name, marcxml);
    },
    transformMany: (name: string, records: readonly string[]) => {
      wrapper.calls += records.length;
      return inner.transformMany(name, records).map((result, i) => (fail(records[i]!) ? new TransformError('failed', name, `${name}: refused for the test`) : result));
    },
    hash: (name: string) => inner.hash(name),
    info: (name: string) => inner.info(name),
  };
  return wrapper;
}

async function cacheRows(db: Database): Promise<Array<{ format: string; n: number; live: number }>> {
  const result = await db.knex.raw(
    `SELECT d.format, count(*) AS n, count(*) FILTER (WHERE NOT r.deleted AND r.datestamp = d.datestamp) AS live
     FROM oai_disseminations d JOIN records r ON r.id = d.record_id GROUP BY d.format ORDER BY d.format`,
  );
  return (result.rows as Array<{ format: string; n: string | number; live: string | number }>).map((r) => ({ format: r.format, n: Number(r.n), live: Number(r.live) }));
}

describe(`precompute (${databaseLabel()})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await importSample(db);
  }, 300_000);
  afterAll(async () => db.close());

  it('selects every XSLT format by default and sorts requested prefixes', () => {
    const config = shippedConfig();
    expect(selectPrecomputeFormats(config).formats.map((f) => f.prefix).sort()).toEqual(['mods', 'oai_dc']);
    const picked = selectPrecomputeFormats(config, ['oai_dc', 'marc21', 'nope']);
    expect(picked.formats.map((f) => f.prefix)).toEqual(['oai_dc']);
    expect(picked.notXslt).toEqual(['marc21']);
    expect(picked.unknown).toEqual(['nope']);
  });

  it('splits the live id range into consecutive shares covering it once', () => {
    expect(splitIdRange({ min: 1, max: 10 }, 3)).toEqual([{ afterId: 0, upToId: 3 }, { afterId: 3, upToId: 6 }, { afterId: 6, upToId: 10 }]);
    expect(splitIdRange({ min: 5, max: 6 }, 4)).toEqual([{ afterId: 4, upToId: 5 }, { afterId: 5, upToId: 6 }]);
    expect(splitIdRange({ min: 7, max: 7 }, 1)).toEqual([{ afterId: 6, upToId: 7 }]);
  });

  it('fills one cache row per live record per XSLT format; a second run does nothing; a harvest serves the cache, equal to a fresh transform', async () => {
    const config = shippedConfig();
    const registry = counting(await oaiCrosswalks());
    const deps = testDeps(db, { config, crosswalks: registry, clock: fixedClock(TEST_NOW) });
    const { formats } = selectPrecomputeFormats(config);
    expect(await deps.store.oai.disseminationCoverage('oai_dc', registry.hash('oai:oai_dc'))).toEqual({ deleted: DELETED, live: LIVE, missing: LIVE });

    const first = await precomputeRange(deps, { formats, batchSize: 64 });
    for (const prefix of ['oai_dc', 'mods']) expect(first.get(prefix)).toEqual({ transformed: LIVE, failed: 0, failures: [] });
    expect(await cacheRows(db)).toEqual([{ format: 'mods', n: LIVE, live: LIVE }, { format: 'oai_dc', n: LIVE, live: LIVE }]);
    expect(registry.calls).toBe(2 * LIVE);

    const second = await precomputeRange(deps, { formats });
    for (const prefix of ['oai_dc', 'mods']) expect(second.get(prefix)).toEqual({ transformed: 0, failed: 0, failures: [] });
    expect(registry.calls).toBe(2 * LIVE);
    expect(await deps.store.oai.disseminationCoverage('mods', registry.hash('oai:mods'))).toEqual({ deleted: DELETED, live: LIVE, missing: 0 });

    // A harvest after precompute transforms nothing ...
    const app = testApp(deps);
    const cached = await harvestPages(app, 'verb=ListRecords&metadataPrefix=oai_dc');
    expect(registry.calls).toBe(2 * LIVE);
    expect(cached.join('').match(/<oai_dc:dc /g)).toHaveLength(LIVE);
    // ... and serves what a fresh transform gives (same clock, so the same responses).
    await db.knex('oai_disseminations').delete();
    const fresh = await harvestPages(app, 'verb=ListRecords&metadataPrefix=oai_dc');
    expect(registry.calls).toBe(3 * LIVE);
    expect(cached).toEqual(fresh);
  }, 300_000);

  it('counts and reports records that fail to transform, finishes the others, and retries the failed ones next time', async () => {
    const config = shippedConfig();
    await db.knex('oai_disseminations').delete();
    const inner = await oaiCrosswalks();
    const failing = counting(inner, (marcxml) => /<controlfield tag="001">1<\/controlfield>/.test(marcxml));
    const deps = testDeps(db, { config, crosswalks: failing, clock: fixedClock(TEST_NOW) });
    deps.log.level = 'silent';
    const { formats } = selectPrecomputeFormats(config, ['oai_dc']);
    const counts = (await precomputeRange(deps, { formats })).get('oai_dc')!;
    expect(counts.failed).toBe(1);
    expect(counts.transformed).toBe(LIVE - 1);
    expect(counts.failures).toEqual([{ format: 'oai_dc', localId: '1', message: 'oai:oai_dc: refused for the test' }]);

    const retry = (await precomputeRange(testDeps(db, { config, crosswalks: inner, clock: fixedClock(TEST_NOW) }), { formats })).get('oai_dc')!;
    expect(retry).toEqual({ transformed: 1, failed: 0, failures: [] });
  }, 300_000);

  it('--workers 2 (the built command: worker threads run dist/) fills the same cache on PostgreSQL; PGlite refuses it', async () => {
    await db.knex('oai_disseminations').delete();
    const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { encoding: 'utf8' });
    expect(build.status).toBe(0);
    const dir = cliConfigDir();
    try {
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
      if (db.kind === 'postgres') {
        const schema = ((await db.knex.raw('SELECT current_schema() AS s')).rows as Array<{ s: string }>)[0]!.s;
        const url = new URL(process.env.DATABASE_URL!);
        url.searchParams.set('options', `-c search_path=${schema},public`);
        env.DATABASE_URL = url.toString();
      }
      const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'libgate.js'), 'precompute', '--workers', '2', '--config', dir.config], { encoding: 'utf8', env });
      if (db.kind === 'postgres') {
        expect(result.stderr).not.toMatch(/error/i);
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(/^oai_dc: 289 live records: 289 transformed, 0 failed/m);
        expect(result.stdout).toMatch(/^precomputed 578 disseminations, 0 failed, .* 2 workers\)$/m);
        expect(await cacheRows(db)).toEqual([{ format: 'mods', n: LIVE, live: LIVE }, { format: 'oai_dc', n: LIVE, live: LIVE }]);
      } else {
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/needs PostgreSQL/);
      }
    } finally {
      rmSync(dir.dir, { recursive: true, force: true });
    }
  }, 300_000);
});

/** A temporary directory with the shipped configuration (its own PGlite directory, stylesheets via ../xslt). */
function cliConfigDir(): { dir: string; config: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'libgate-precompute-'));
  mkdirSync(path.join(dir, 'conf'));
  symlinkSync(path.join(REPO_ROOT, 'xslt'), path.join(dir, 'xslt'));
  const config = path.join(dir, 'conf', 'libgate.yaml');
  const shipped = readFileSync(path.join(REPO_ROOT, 'conf', 'libgate.yaml'), 'utf8');
  writeFileSync(config, shipped.replace(/dataDir: .*/, `dataDir: ${path.join(dir, 'pglite')}`).replace(/logLevel: .*/, 'logLevel: silent'));
  return { dir, config };
}

/** Runs the CLI in-process, capturing what it prints. */
async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => { stdout += String(chunk); return true; });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => { stderr += String(chunk); return true; });
  try {
    const status = await main(args, {});
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** The command itself, on an embedded store with the shipped configuration (stylesheets via ../xslt). */
describe('libgate precompute (CLI, PGlite)', () => {
  let dir: string;
  let config: string;
  beforeAll(() => {
    ({ dir, config } = cliConfigDir());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('precomputes every XSLT format with a summary, then finds nothing to do; rejects bad options', async () => {
    expect((await run(['import', SAMPLE, '--config', config])).status).toBe(0);
    const first = await run(['precompute', '--config', config]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^oai_dc: 289 live records: 289 transformed, 0 failed, 0 skipped \(already cached\); 5 deleted skipped/m);
    expect(first.stdout).toMatch(/^mods: 289 live records: 289 transformed, 0 failed/m);
    expect(first.stdout).toMatch(/^precomputed 578 disseminations, 0 failed, in [\d.]+ s \(\d+ records\/s, 1 worker\)$/m);
    expect(first.stderr).toMatch(/precompute: 578\/578/);

    const second = await run(['precompute', '--config', config, '--format', 'oai_dc', '--format', 'marc21']);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^oai_dc: 289 live records: 0 transformed, 0 failed, 289 skipped \(already cached\)/m);
    expect(second.stdout).toMatch(/^marc21: skipped \(MARCXML from the store/m);
    expect(second.stdout).toMatch(/^precomputed 0 disseminations/m);

    const unknown = await run(['precompute', '--config', config, '--format', 'nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown OAI format nope \(configured: marc21, marcxml, oai_dc, mods\)/);
    expect((await run(['precompute', '--config', config, '--workers', '0'])).status).toBe(2);
    const pglite = await run(['precompute', '--config', config, '--workers', '2']);
    expect(pglite.status).toBe(2);
    expect(pglite.stderr).toMatch(/needs PostgreSQL/);
  }, 300_000);
});
