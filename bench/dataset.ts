/**
 * Benchmark databases: `ensureBenchDatabase({ count, seed })` makes sure the PostgreSQL database
 * libgate_bench_<count>_<seed> holds exactly generateRecords(count, seed), imported through the real
 * `libgate import` command, and returns its URL. A complete database is reused; anything else
 * (missing, half-built by an interrupted run, built by an older generator, schema or config) is
 * dropped and rebuilt. A marker table, bench_dataset, records what was built; it is written last,
 * so its presence means the import finished.
 *
 * Concurrent callers (two scenarios started at once) are serialised by a PostgreSQL advisory lock.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import pg from 'pg';
import { parse as parseYaml } from 'yaml';
import { toIso2709 } from '../src/marc/index.js';
import { migrationSource } from '../src/store/migration-source.js';
import { GENERATOR_VERSION, generateRecords, writeRecordsFile } from './generate.js';
import { adminUrl as defaultAdminUrl, outDir, repoRoot, timestamp } from './machine.js';

export interface BenchDatabaseOptions {
  readonly count: number;
  readonly seed?: number;
  /** A PostgreSQL URL with rights to create databases; default BENCH_ADMIN_URL or postgres://postgres@127.0.0.1:5432/test. */
  readonly adminUrl?: string;
  /** Progress messages (default: to stderr). */
  readonly log?: (message: string) => void;
}

export interface BenchDatabase {
  readonly databaseUrl: string;
  readonly count: number;
}

export async function ensureBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const { count } = options;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new Error('ensureBenchDatabase: count must be a positive integer');
  if (!Number.isInteger(seed) || seed < 0) throw new Error('ensureBenchDatabase: seed must be a non-negative integer');
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const admin = options.adminUrl ?? defaultAdminUrl();
  const name = `libgate_bench_${count}_${seed}`;
  const databaseUrl = databaseUrlFor(admin, name);
  const version = await datasetVersion();
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    if (await isComplete(client, name, databaseUrl, { count, seed, version })) return { databaseUrl, count };
    log(`bench dataset ${name}: building (${count} records, seed ${seed}) through libgate import`);
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
    const file = path.join(outDir(), `${name}.mrc`);
    try {
      await writeRecordsFile(file, { count, seed, format: 'iso2709' });
      const started = performance.now();
      await runImport(file, databaseUrl, path.join(outDir(), `${name}-import-${timestamp()}.log`));
      log(`bench dataset ${name}: imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      rmSync(file, { force: true });
    }
    await markComplete(databaseUrl, { count, seed, version });
    return { databaseUrl, count };
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await client.end();
  }
}

/** The URL of database `name` on the server of `admin` (same credentials, host, options). */
export function databaseUrlFor(admin: string, name: string): string {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

interface Marker {
  readonly count: number;
  readonly seed: number;
  readonly version: string;
}

/**
 * What makes a dataset current: what decides the stored data, and nothing else. That is the
 * generator (its declared version and a fingerprint of its first records), the migrations the code
 * knows, and the two configuration sections import reads (`import`: identifiers and item mapping;
 * `indexes`: what is written for search), compared as parsed data so that comments, key order and
 * every other section (server, protocols, ILS-DI, …) do not force a rebuild.
 */
export async function datasetVersion(configFile = path.join(repoRoot(), 'conf', 'libgate.yaml')): Promise<string> {
  const hash = createHash('sha256');
  for (const record of generateRecords(200, 7)) hash.update(toIso2709(record));
  const migrations = await migrationSource.getMigrations([]);
  const names = migrations.map((m) => migrationSource.getMigrationName(m));
  const parsed = (parseYaml(readFileSync(configFile, 'utf8')) ?? {}) as Record<string, unknown>;
  const config = canonicalJson({ import: parsed.import ?? null, indexes: parsed.indexes ?? null });
  const configHash = createHash('sha256').update(config).digest('hex').slice(0, 12);
  return `generator ${GENERATOR_VERSION}/${hash.digest('hex').slice(0, 12)}; migrations ${names.join(',')}; import+indexes config ${configHash}`;
}

/** JSON with object keys sorted at every level, so that reordering keys in YAML changes nothing. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

async function isComplete(client: pg.Client, name: string, databaseUrl: string, expected: Marker): Promise<boolean> {
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) return false;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const table = await db.query(`SELECT to_regclass('public.bench_dataset') AS t`);
    if (!table.rows[0]?.t) return false;
    const { rows } = await db.query('SELECT count, seed, version FROM bench_dataset');
    const row = rows[0] as Marker | undefined;
    return rows.length === 1 && Number(row!.count) === expected.count && Number(row!.seed) === expected.seed && row!.version === expected.version;
  } finally {
    await db.end();
  }
}

async function markComplete(databaseUrl: string, marker: Marker): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM records');
    if (rows[0].n !== marker.count) throw new Error(`bench dataset: ${rows[0].n} records imported, expected ${marker.count}`);
    await db.query('CREATE TABLE bench_dataset (count integer NOT NULL, seed integer NOT NULL, version text NOT NULL, built_at timestamptz NOT NULL DEFAULT now())');
    await db.query('INSERT INTO bench_dataset (count, seed, version) VALUES ($1, $2, $3)', [marker.count, marker.seed, marker.version]);
    // VACUUM too: sets the visibility map, so index-only scans need no heap visit (autovacuum may be off).
    await db.query('VACUUM ANALYZE');
  } finally {
    await db.end();
  }
}

/** `node bin/libgate.js import FILE` with DATABASE_URL set, output to a log file; throws unless it exits 0. */
async function runImport(file: string, databaseUrl: string, logFile: string): Promise<void> {
  const root = repoRoot();
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [path.join(root, 'bin', 'libgate.js'), 'import', file], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const [code] = (await once(child, 'exit')) as [number | null];
  log.end();
  if (code !== 0) throw new Error(`libgate import exited with status ${code}; see ${logFile}`);
}
