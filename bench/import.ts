/**
 * `npm run bench -- import [--count N] [--format iso2709|marcxml] [--seed S] [--runs R]
 *                          [--pglite-count N] [--growth 2,5] [--batch-size N] [--no-pglite] [--no-docs]`
 *
 * Import speed and memory, measured the way users import: `node bin/libgate.js import FILE` as a
 * child process. The file is generated first (outside the timed part); each run gets a fresh
 * database (PostgreSQL: a new database on the server; PGlite: a new data directory). Wall time runs
 * from spawn to exit, so it includes start-up and migrations. Peak RSS is the child's VmHWM. CPU
 * time is the child's plus, for PostgreSQL, that of the server backends serving its connections:
 * unlike wall time it barely moves when other work shares the machine.
 *
 * Runs: R runs of N records into PostgreSQL (median, min, max), R runs of the PGlite count into
 * PGlite, and one PostgreSQL run at each growth multiple of N to show that peak RSS does not grow
 * with the file. Writes docs/benchmarks/import.md (unless --no-docs) and bench/out/import-*.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { databaseUrlFor } from './dataset.js';
import { writeRecordsFile, type BenchFormat } from './generate.js';
import { formatTable, median, type Cell } from './load.js';
import { adminUrl, cpuSeconds, describeMachine, loadAverage, outDir, peakRssMb, repoRoot, writeResult } from './machine.js';
import { mergedConfig } from './server.js';

/** Where the hand-written part of docs/benchmarks/import.md starts: a run rewrites everything above it. */
const ANALYSIS_HEADING = '## Analysis';

interface RunResult {
  readonly records: number;
  readonly seconds: number;
  readonly rate: number;
  readonly peakRssMb: number;
  /** Import process CPU seconds. */
  readonly clientCpu: number;
  /** PostgreSQL backends' CPU seconds (undefined for PGlite or when /proc of the server is not readable). */
  readonly serverCpu: number | undefined;
  readonly summary: string;
}

interface Options {
  readonly format: BenchFormat;
  readonly seed: number;
  readonly batchSize: number | undefined;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      count: { type: 'string', default: '100000' },
      format: { type: 'string', default: 'iso2709' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '3' },
      'pglite-count': { type: 'string', default: '20000' },
      growth: { type: 'string', default: '2,5' },
      'batch-size': { type: 'string' },
      'no-pglite': { type: 'boolean', default: false },
      'no-docs': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const count = positive(values.count, '--count');
  const runs = positive(values.runs, '--runs');
  const pgliteCount = positive(values['pglite-count'], '--pglite-count');
  const growth = values.growth === '' ? [] : values.growth.split(',').map((m) => positive(m, '--growth'));
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  if (values.format !== 'iso2709' && values.format !== 'marcxml') throw new Error('--format must be iso2709 or marcxml');
  const options: Options = { format: values.format, seed, batchSize: values['batch-size'] ? positive(values['batch-size'], '--batch-size') : undefined };

  const machine = describeMachine();
  const started = new Date();
  const loadBefore = loadAverage();
  process.stdout.write(`${machine}\nload average (1/5/15 min): ${loadBefore}\n\n`);

  const postgres: RunResult[] = [];
  for (let i = 1; i <= runs; i++) {
    postgres.push(await measure('postgres', count, options, `PostgreSQL run ${i}/${runs}`));
  }
  const pglite: RunResult[] = [];
  if (!values['no-pglite']) {
    for (let i = 1; i <= runs; i++) pglite.push(await measure('pglite', pgliteCount, options, `PGlite run ${i}/${runs}`));
  }
  const larger: RunResult[] = [];
  for (const multiple of growth) larger.push(await measure('postgres', count * multiple, options, `PostgreSQL ×${multiple}`));
  const loadAfter = loadAverage();

  const command = `npm run bench -- import${args.length ? ` ${args.join(' ')}` : ''}`;
  const rows: Array<Record<string, Cell>> = [summaryRow('PostgreSQL', count, postgres)];
  if (pglite.length > 0) rows.push(summaryRow('PGlite (embedded)', pgliteCount, pglite));
  const growthRows = [postgres, ...larger.map((r) => [r])].map((list) => ({
    records: list[0]!.records,
    'file MB': fileSizeMb(list[0]!.records, options),
    'records/s': Math.round(median(list.map((r) => r.rate))),
    'peak RSS MB': Math.round(Math.max(...list.map((r) => r.peakRssMb))),
  }));
  const perRun = [...postgres.map((r) => ['PostgreSQL', r] as const), ...pglite.map((r) => ['PGlite', r] as const), ...larger.map((r) => ['PostgreSQL', r] as const)]
    .map(([db, r]) => ({ database: db, records: r.records, seconds: r.seconds, 'records/s': Math.round(r.rate), 'peak RSS MB': Math.round(r.peakRssMb), 'import CPU s': r.clientCpu, 'PostgreSQL CPU s': r.serverCpu }));
  const markdown = [
    '# Import benchmark',
    '',
    `Command: \`${command}\``,
    `Date: ${started.toISOString()}`,
    `Records: generated by bench/generate.ts (seed ${seed}), ${options.format === 'iso2709' ? 'ISO 2709' : 'MARCXML'}, ${formatBytesPerRecord(count, options)} per record on average, 0-6 Koha items each.`,
    `What is timed: \`node bin/libgate.js import FILE\` from spawn to exit into a fresh database (start-up and migrations included)${options.batchSize ? `, --batch-size ${options.batchSize}` : ''}.`,
    '',
    '```',
    machine,
    `load average (1/5/15 min): ${loadBefore} before, ${loadAfter} after`,
    '```',
    '',
    `Medians over ${runs} runs (min-max in brackets). CPU is user + system seconds per 1,000 records: the import process, and the PostgreSQL backends serving it.`,
    '',
    formatTable(rows),
    '',
    'Peak RSS of the import process as the file grows (PostgreSQL; one run each above the base count):',
    '',
    formatTable(growthRows),
    '',
    '<details><summary>Every run</summary>',
    '',
    formatTable(perRun, 2),
    '',
    '</details>',
  ].join('\n');
  writeResult('import', markdown);
  if (!values['no-docs']) {
    const docs = path.join(repoRoot(), 'docs', 'benchmarks');
    mkdirSync(docs, { recursive: true });
    // The measured part is rewritten; the hand-written analysis after it (from ANALYSIS_HEADING on) is kept.
    const file = path.join(docs, 'import.md');
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const analysis = previous.indexOf(`\n${ANALYSIS_HEADING}`);
    writeFileSync(file, `${markdown}\n${analysis === -1 ? '' : previous.slice(analysis)}`);
    process.stdout.write(`(written to docs/benchmarks/import.md)\n`);
  }
  for (const file of generatedFiles.values()) rmSync(file, { force: true });
}

function positive(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got '${text}'`);
  return n;
}

function summaryRow(database: string, records: number, results: readonly RunResult[]): Record<string, Cell> {
  const range = (values: number[], digits = 0) => `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)})`;
  const serverCpu = results.map((r) => r.serverCpu).filter((v): v is number => v !== undefined);
  return {
    database,
    records,
    runs: results.length,
    'records/s': range(results.map((r) => r.rate)),
    'seconds': range(results.map((r) => r.seconds), 1),
    'peak RSS MB': range(results.map((r) => r.peakRssMb)),
    'import CPU s/1k': (median(results.map((r) => r.clientCpu)) * 1000) / records,
    'PostgreSQL CPU s/1k': serverCpu.length > 0 ? (median(serverCpu) * 1000) / records : undefined,
  };
}

// ---------------------------------------------------------------------------------------------

const generatedFiles = new Map<string, string>();

async function recordsFile(count: number, options: Options): Promise<string> {
  const key = `${count}-${options.seed}-${options.format}`;
  const existing = generatedFiles.get(key);
  if (existing && existsSync(existing)) return existing;
  const file = path.join(outDir(), `import-${key}.${options.format === 'iso2709' ? 'mrc' : 'xml'}`);
  process.stdout.write(`generating ${count} records (${options.format}, seed ${options.seed})… `);
  const written = await writeRecordsFile(file, { count, seed: options.seed, format: options.format });
  process.stdout.write(`${(written.bytes / 1e6).toFixed(1)} MB\n`);
  generatedFiles.set(key, file);
  return file;
}

function fileSizeMb(count: number, options: Options): number {
  const file = generatedFiles.get(`${count}-${options.seed}-${options.format}`);
  return file && existsSync(file) ? statSync(file).size / 1e6 : Number.NaN;
}

function formatBytesPerRecord(count: number, options: Options): string {
  const mb = fileSizeMb(count, options);
  return Number.isNaN(mb) ? 'unknown size' : `${Math.round((mb * 1e6) / count)} bytes`;
}

async function measure(database: 'postgres' | 'pglite', count: number, options: Options, label: string): Promise<RunResult> {
  const file = await recordsFile(count, options);
  const root = repoRoot();
  const admin = adminUrl();
  const dbName = `libgate_bench_import_${process.pid}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.LIBGATE_CONFIG;
  const args = [path.join(root, 'bin', 'libgate.js'), 'import', file, '--format', options.format];
  if (options.batchSize) args.push('--batch-size', String(options.batchSize));
  let cleanup: () => Promise<void>;
  let watcher: BackendWatcher | undefined;
  if (database === 'postgres') {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${dbName}`);
    await client.end();
    env.DATABASE_URL = databaseUrlFor(admin, dbName);
    watcher = new BackendWatcher(admin, dbName);
    cleanup = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'libgate-bench-pglite-'));
    const configFile = path.join(root, 'conf', `.bench-import-${process.pid}.yaml`);
    writeFileSync(configFile, mergedConfig(path.join(root, 'conf', 'libgate.yaml'), `database:\n  dataDir: ${JSON.stringify(dataDir)}\n`, 0));
    args.push('--config', configFile);
    cleanup = async () => {
      rmSync(configFile, { force: true });
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  process.stdout.write(`${label}: ${count} records… `);
  try {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-20000); });
    let peak = 0;
    let cpu = 0;
    const sample = () => {
      peak = Math.max(peak, peakRssMb(child.pid!) ?? 0);
      cpu = Math.max(cpu, cpuSeconds(child.pid!) ?? 0);
      void watcher?.sample();
    };
    const timer = setInterval(sample, 100);
    const [code] = (await once(child, 'exit')) as [number | null];
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(timer);
    await watcher?.finish();
    if (code !== 0) throw new Error(`libgate import exited with status ${code}:\n${stdout}\n${stderr.slice(-3000)}`);
    const outcome = /created (\d+), updated (\d+), unchanged (\d+), deleted (\d+), skipped (\d+)/.exec(stdout);
    const total = outcome ? Number(outcome[1]) + Number(outcome[4]) : Number.NaN;
    if (total !== count) throw new Error(`libgate import stored ${total} records, expected ${count}:\n${stdout}`);
    const result: RunResult = { records: count, seconds, rate: count / seconds, peakRssMb: peak, clientCpu: cpu, serverCpu: watcher?.total(), summary: stdout.trim() };
    process.stdout.write(`${seconds.toFixed(1)} s, ${Math.round(result.rate)} records/s, peak RSS ${Math.round(peak)} MB, CPU ${cpu.toFixed(1)} s${result.serverCpu !== undefined ? ` + PostgreSQL ${result.serverCpu.toFixed(1)} s` : ''}\n`);
    return result;
  } finally {
    await cleanup();
  }
}

/**
 * CPU time of the PostgreSQL backends connected to one database, read from /proc (the server runs on
 * this machine). Sampled while the import runs, as backends vanish when it disconnects.
 */
class BackendWatcher {
  private readonly client: pg.Client;
  private readonly ready: Promise<void>;
  private readonly cpu = new Map<number, number>();
  private busy = false;
  private readable = true;

  constructor(admin: string, private readonly database: string) {
    this.client = new pg.Client({ connectionString: admin });
    this.ready = this.client.connect().then(() => undefined);
  }

  async sample(): Promise<void> {
    if (this.busy || !this.readable) return;
    this.busy = true;
    try {
      await this.ready;
      const { rows } = await this.client.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [this.database]);
      for (const { pid } of rows as Array<{ pid: number }>) {
        const seconds = cpuSeconds(pid);
        if (seconds === undefined) {
          if (!existsSync(`/proc/${pid}`)) this.readable = false;
          continue;
        }
        this.cpu.set(pid, Math.max(this.cpu.get(pid) ?? 0, seconds));
      }
    } catch {
      // the sample is lost; the next one will do
    } finally {
      this.busy = false;
    }
  }

  async finish(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }

  total(): number | undefined {
    if (!this.readable || this.cpu.size === 0) return undefined;
    let sum = 0;
    for (const v of this.cpu.values()) sum += v;
    return sum;
  }
}
