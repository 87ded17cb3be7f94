import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { Worker } from 'node:worker_threads';
import { pino, type Logger } from 'pino';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfigFile, type LoadedConfig } from './config/load.js';
import type { Deps } from './deps.js';
import { ImportAborted, runImport } from './import/import-run.js';
import { openMarcSource } from './import/marc-source.js';
import { progressDisplay } from './import/progress.js';
import { ID_SPEC_PATTERN, idReader } from './import/local-id.js';
import { formatReport, type ImportReport } from './import/report.js';
import { compileIndexMap } from './indexing/index-map.js';
import { reindexAll } from './indexing/reindex.js';
import { noCrosswalks } from './crosswalk/registry.js';
import { loadGatewayCrosswalks } from './oai/formats.js';
import { markMembershipCurrent, prepareOai } from './oai/startup.js';
import { mergeCounts, PRECOMPUTE_BATCH, precomputeRange, selectPrecomputeFormats, splitIdRange, type PrecomputeCounts } from './oai/precompute.js';
import type { PrecomputeWorkerData, PrecomputeWorkerMessage } from './oai/precompute-worker.js';
import { SetRuleError } from './oai/set-rules.js';
import { CrosswalkError } from './crosswalk/errors.js';
import { openStore, type Store } from './store/store.js';
import { ILSDI_SCOPES, type IlsdiScope } from './config/sections/ilsdi.js';
import { generateApiKey } from './ilsdi/access/api-keys.js';
import { loadIlsdiSample } from './import/ilsdi-sample.js';
import { formatPatronReport, importPatrons, PatronImportAborted } from './import/patron-import.js';

/**
 * The `libgate` command. This is the only module that reads process.env: everything below receives
 * its settings as arguments.
 */
const USAGE = `usage: libgate <command> [options]

commands:
  serve                      serve OAI-PMH (/oai), SRU (/sru) and ILS-DI (/ilsdi) over HTTP
      --port N               listen on port N (default: server.port, or PORT)
  import FILE...             import MARC records (ISO 2709 or MARCXML, detected from content)
      --format F             iso2709 | marcxml (skip detection)
      --id SOURCE            where the local identifier is: 001 (default), 999$c, @position,
                             or a comma-separated list tried in order (999$c,001)
      --strict               stop at the first bad record instead of skipping it
      --batch-size N         records per transaction (default: import.batchSize)
  delete ID...               turn records into deletion tombstones
      --file LIST            also delete the identifiers listed in LIST (one per line)
  migrate                    bring the database schema up to date
  precompute                 fill the OAI-PMH dissemination cache (XSLT formats) of every live record
                             whose entry is missing or stale, so first harvests serve cached output
      --format PREFIX        only this format (repeatable; default: every XSLT format)
      --workers N            worker threads, each with its own SaxonJS (default 1; N > 1 needs PostgreSQL)
      --batch-size N         records per batch (default ${PRECOMPUTE_BATCH})
  reindex                    recompute search data of every record after the \`indexes\` config changed
      --batch-size N         records per transaction (default: import.batchSize)
  import-patrons FILE        import patrons for ILS-DI (CSV with Koha column names, or JSON)
      --strict               stop at the first bad row instead of skipping it
  apikey create              create an ILS-DI API key (printed once; only its hash is kept)
      --name NAME            who the key is for
      --scopes LIST          comma-separated: availability, patron-read, patron-write
  apikey list                list API keys (prefix, scopes, last use, revoked)
  apikey revoke ID           revoke a key by its id
  unlock-patron ID           clear a patron's failed-login lockout (cardnumber, userid or borrowernumber)

options for every command:
  --config FILE              configuration file (default: LIBGATE_CONFIG, else conf/libgate.yaml)
  --help                     show this help

environment: DATABASE_URL (postgres://… selects PostgreSQL), PORT, LIBGATE_CONFIG, LIBGATE_OAI_TOKEN_SECRET
`;

const OPTIONS = {
  config: { type: 'string' },
  port: { type: 'string' },
  format: { type: 'string', multiple: true },
  workers: { type: 'string' },
  id: { type: 'string' },
  strict: { type: 'boolean' },
  'batch-size': { type: 'string' },
  file: { type: 'string', multiple: true },
  name: { type: 'string' },
  scopes: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Exit status: 0 success, 1 failure (or records skipped on import), 2 usage or configuration error. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed: { values: Options; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`libgate: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || !command || command === 'help') {
    process.stdout.write(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  let loaded: LoadedConfig;
  try {
    loaded = loadConfigFile(parsed.values.config ?? env.LIBGATE_CONFIG ?? defaultConfigFile(), {
      databaseUrl: env.DATABASE_URL || undefined,
      oaiTokenSecret: env.LIBGATE_OAI_TOKEN_SECRET || undefined,
      port: parsePort(parsed.values.port ?? env.PORT),
    });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      process.stderr.write(`libgate: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  try {
    switch (command) {
      case 'serve':
        return await serve(loaded);
      case 'import':
        return await importCommand(loaded, rest, parsed.values);
      case 'delete':
        return await deleteCommand(loaded, rest, parsed.values);
      case 'migrate':
        return await migrateCommand(loaded);
      case 'precompute':
        return await precomputeCommand(loaded, rest, parsed.values);
      case 'reindex':
        return await reindexCommand(loaded, parsed.values);
      case 'import-patrons':
        return await importPatronsCommand(loaded, rest, parsed.values);
      case 'apikey':
        return await apikeyCommand(loaded, rest, parsed.values);
      case 'unlock-patron':
        return await unlockPatronCommand(loaded, rest);
      default:
        process.stderr.write(`libgate: unknown command '${command}'\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    if (error instanceof SetRuleError || error instanceof CrosswalkError) {
      process.stderr.write(`libgate: configuration error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

class UsageError extends Error {}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port/PORT must be a port number, got '${text}'`);
  return port;
}

/** The install root (the directory holding package.json), wherever the command is run from. */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** The package's own conf/libgate.yaml. */
function defaultConfigFile(): string {
  return path.join(packageRoot(), 'conf', 'libgate.yaml');
}

function resolvePath(loaded: LoadedConfig, file: string): string {
  return file === 'memory' ? file : path.resolve(loaded.baseDir, file);
}

function makeLogger(loaded: LoadedConfig, destination: 1 | 2): Logger {
  return pino({ level: loaded.config.server.logLevel, base: { service: 'libgate' } }, pino.destination({ dest: destination, sync: destination === 2 }));
}

async function open(loaded: LoadedConfig): Promise<Store> {
  return openStore(loaded.config, systemClock, { dataDir: resolvePath(loaded, loaded.config.database.dataDir), migrate: true });
}

async function serve(loaded: LoadedConfig): Promise<number> {
  const log = makeLogger(loaded, 1);
  const { config } = loaded;
  const store = await open(loaded);
  const indexMap = compileIndexMap(config.indexes);
  // Built-in crosswalks (SRU) and the OAI formats' stylesheets (xsl_file, relative to the config
  // file): a missing or broken stylesheet stops start-up with a message naming the file.
  const crosswalks = await loadGatewayCrosswalks(config, loaded.baseDir, packageRoot(), { info: (m) => log.info(m) });
  const deps: Deps = { config, store, clock: systemClock, log, indexMap, crosswalks };
  if (config.oai.enabled) {
    const report = await prepareOai(deps);
    if (report.membershipChanged > 0 || report.datestampsBumped > 0) log.info(report, 'oai: set membership or stylesheets changed; datestamps moved');
  }
  if (config.sample.loadWhenEmpty && (await store.records.count({ includeDeleted: true })) === 0) {
    const file = resolvePath(loaded, config.sample.catalogue);
    log.info({ file }, 'empty store: loading the sample catalogue');
    const report = await importFiles(deps, [file], { strict: false });
    log.info({ ...report, skips: undefined }, 'sample catalogue loaded');
    if (config.ilsdi.enabled && (await store.patrons.count()) === 0) {
      const files = { patrons: resolvePath(loaded, config.ilsdi.sample.patrons), circulation: resolvePath(loaded, config.ilsdi.sample.circulation) };
      const loadedSample = await loadIlsdiSample(store, files, { rounds: config.ilsdi.passwordHashRounds, log, now: systemClock.now() });
      log.info(loadedSample, 'sample patrons, loans and holds loaded (ILS-DI)');
    }
  }
  const app = createApp(deps);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.server.port, config.server.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.server.port;
  log.info({ port, database: store.kind, baseUrl: config.server.baseUrl }, `libgate listening on http://${config.server.host}:${port}`);
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
      const force = setTimeout(() => server.closeAllConnections(), config.server.shutdownGraceSeconds * 1000);
      force.unref();
      server.close(async () => {
        clearTimeout(force);
        await store.close();
        log.info('stopped');
        resolve(0);
      });
      server.closeIdleConnections();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

/**
 * Input size from which an import into an empty store defers search indexes to its end (about
 * 15,000 records): below it, rebuilding them costs more than maintaining them as records arrive.
 */
const BULK_LOAD_MIN_BYTES = 16 * 2 ** 20;

function totalBytes(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + statSync(file).size, 0);
}

async function importFiles(deps: Deps, files: readonly string[], options: { strict: boolean; format?: 'iso2709' | 'marcxml'; idField?: string; batchSize?: number; progress?: boolean }): Promise<ImportReport> {
  const display = options.progress ? progressDisplay(process.stderr) : undefined;
  try {
    const sources = files.map((file) => openMarcSource(file, options.format));
    return await runImport(sources, deps.store.records, {
      readId: idReader(options.idField ?? deps.config.import.idField),
      idSource: options.idField ?? deps.config.import.idField,
      items: deps.config.import.items,
      indexMap: deps.indexMap,
      batchSize: options.batchSize ?? deps.config.import.batchSize,
      strict: options.strict,
      log: deps.log,
      ...(totalBytes(files) >= BULK_LOAD_MIN_BYTES ? { bulkLoad: deps.store.deferredIndexes } : {}),
      ...(display ? { onProgress: (p) => display.update(p) } : {}),
    });
  } finally {
    display?.stop();
  }
}

async function importCommand(loaded: LoadedConfig, files: string[], values: Options): Promise<number> {
  if (files.length === 0) return usage('import needs at least one FILE');
  if ((values.format?.length ?? 0) > 1) return usage('import takes one --format');
  const format = values.format?.[0];
  if (format && format !== 'iso2709' && format !== 'marcxml') return usage(`--format must be iso2709 or marcxml, got '${format}'`);
  if (values.id && !ID_SPEC_PATTERN.test(values.id)) return usage(`--id must be TAG, TAG$code or @position (comma-separated), e.g. 001 or 999$c; got '${values.id}'`);
  const batchSize = values['batch-size'] ? Number(values['batch-size']) : undefined;
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) return usage('--batch-size must be a positive integer');
  for (const file of files) if (!existsSync(file)) return usage(`no such file: ${file}`);
  const log = makeLogger(loaded, 2);
  const store = await open(loaded);
  const deps: Deps = { config: loaded.config, store, clock: systemClock, log, indexMap: compileIndexMap(loaded.config.indexes), crosswalks: noCrosswalks() };
  const started = Date.now();
  try {
    const wasEmpty = (await store.records.count({ includeDeleted: true })) === 0;
    const report = await importFiles(deps, files, {
      strict: Boolean(values.strict),
      ...(format ? { format: format as 'iso2709' | 'marcxml' } : {}),
      ...(values.id ? { idField: values.id } : {}),
      ...(batchSize ? { batchSize } : {}),
      progress: true,
    });
    if (wasEmpty && loaded.config.oai.enabled) await markMembershipCurrent(deps);
    process.stdout.write(`${formatReport(report, (Date.now() - started) / 1000)}\n`);
    return report.skipped > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ImportAborted) {
      process.stderr.write(`libgate import: stopped (--strict): ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

async function deleteCommand(loaded: LoadedConfig, ids: string[], values: Options): Promise<number> {
  const listed = (values.file ?? []).flatMap((file) => {
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    return readFileSync(file, 'utf8').split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  });
  const all = [...ids, ...listed];
  if (all.length === 0) return usage('delete needs at least one ID or --file LIST');
  const store = await open(loaded);
  try {
    const outcomes = await store.records.delete(all);
    const count = (kind: string) => outcomes.filter((o) => o === kind).length;
    process.stdout.write(`deleted ${count('deleted')}, already deleted ${count('already-deleted')}, not found ${count('not-found')}\n`);
    all.forEach((id, i) => {
      if (outcomes[i] === 'not-found') process.stdout.write(`  not found: ${id}\n`);
    });
    return count('not-found') > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

async function migrateCommand(loaded: LoadedConfig): Promise<number> {
  const store = await open(loaded);
  await store.close();
  process.stdout.write('database schema is up to date\n');
  return 0;
}

/** Failed records listed one per line in the summary; the rest are counted (all are in the log). */
const FAILURES_LISTED = 20;

async function precomputeCommand(loaded: LoadedConfig, args: string[], values: Options): Promise<number> {
  if (args.length > 0) return usage('precompute takes no arguments (formats go in --format PREFIX)');
  const { config } = loaded;
  if (!config.oai.enabled) return usage('OAI-PMH is disabled (oai.enabled: false): nothing to precompute');
  const workers = values.workers === undefined ? 1 : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) return usage('--workers must be an integer from 1 to 64');
  const batchSize = values['batch-size'] === undefined ? PRECOMPUTE_BATCH : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) return usage('--batch-size must be a positive integer');
  const prefixes = (values.format ?? []).flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean);
  const selection = selectPrecomputeFormats(config, prefixes);
  if (selection.unknown.length > 0) {
    return usage(`unknown OAI format ${selection.unknown.join(', ')} (configured: ${Object.values(config.oai.formats).map((f) => f.metadataPrefix).join(', ')})`);
  }
  const log = makeLogger(loaded, 2);
  const crosswalks = await loadGatewayCrosswalks(config, loaded.baseDir, packageRoot(), { info: (m) => log.info(m) });
  const store = await open(loaded);
  try {
    if (workers > 1 && store.kind !== 'postgres') return usage('--workers N > 1 needs PostgreSQL (the embedded PGlite store has one connection)');
    const deps: Deps = { config, store, clock: systemClock, log, indexMap: compileIndexMap(config.indexes), crosswalks };
    // What serve does first: a changed stylesheet or set definition moves datestamps, which would
    // make output cached before it stale at once.
    const startup = await prepareOai(deps);
    if (startup.datestampsBumped > 0 || startup.membershipChanged > 0) {
      process.stderr.write(`precompute: stylesheets or sets changed since the last start: ${startup.datestampsBumped + startup.membershipChanged} datestamps moved (as serve would)\n`);
    }
    const coverage = new Map<string, { deleted: number; live: number; missing: number }>();
    for (const format of selection.formats) coverage.set(format.prefix, await store.oai.disseminationCoverage(format.prefix, crosswalks.hash(format.crosswalk!)));
    const pending = [...coverage.values()].reduce((sum, c) => sum + c.missing, 0);
    const started = Date.now();
    let processed = 0;
    let lastReport = started;
    const onBatch = (format: string, transformed: number, failed: number) => {
      processed += transformed + failed;
      const now = Date.now();
      if (now - lastReport < 2000 && processed < pending) return;
      lastReport = now;
      const rate = processed / Math.max((now - started) / 1000, 0.001);
      process.stderr.write(`precompute: ${processed}/${pending} (${format}), ${rate.toFixed(0)} records/s\n`);
    };
    const counts = workers === 1 || pending === 0
      ? await precomputeRange(deps, { formats: selection.formats, batchSize, onBatch })
      : await precomputeWithWorkers(loaded, store, { prefixes: selection.formats.map((f) => f.prefix), workers, batchSize, onBatch });
    const seconds = (Date.now() - started) / 1000;
    let transformed = 0;
    let failed = 0;
    const failures = [];
    for (const format of selection.formats) {
      const c = coverage.get(format.prefix)!;
      const done = counts.get(format.prefix) ?? { transformed: 0, failed: 0, failures: [] };
      transformed += done.transformed;
      failed += done.failed;
      failures.push(...done.failures);
      process.stdout.write(`${format.prefix}: ${c.live} live records: ${done.transformed} transformed, ${done.failed} failed, `
        + `${c.live - c.missing} skipped (already cached); ${c.deleted} deleted skipped (tombstones carry no metadata)\n`);
    }
    for (const prefix of selection.notXslt) process.stdout.write(`${prefix}: skipped (MARCXML from the store: nothing to transform)\n`);
    if (selection.formats.length === 0 && selection.notXslt.length === 0) process.stdout.write('no XSLT formats configured: nothing to precompute\n');
    for (const f of failures.slice(0, FAILURES_LISTED)) process.stdout.write(`  failed: ${f.format} ${f.localId}: ${f.message}\n`);
    if (failures.length > FAILURES_LISTED) process.stdout.write(`  … and ${failures.length - FAILURES_LISTED} more failed records (see the log)\n`);
    const rate = (transformed + failed) / Math.max(seconds, 0.001);
    process.stdout.write(`precomputed ${transformed} disseminations, ${failed} failed, in ${seconds.toFixed(1)} s (${rate.toFixed(0)} records/s, ${workers} worker${workers === 1 ? '' : 's'})\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

/**
 * --workers N: the live id range split into N shares, each precomputed by a worker thread with its
 * own store connection and its own SaxonJS (src/oai/precompute-worker.ts, run from dist/).
 */
async function precomputeWithWorkers(
  loaded: LoadedConfig,
  store: Store,
  options: { prefixes: string[]; workers: number; batchSize: number; onBatch: (format: string, transformed: number, failed: number) => void },
): Promise<Map<string, PrecomputeCounts>> {
  const total = new Map<string, PrecomputeCounts>();
  const range = await store.oai.liveIdRange();
  if (range === undefined) return total;
  const script = new URL('./oai/precompute-worker.js', import.meta.url);
  const runs = splitIdRange(range, options.workers).map((share) => new Promise<void>((resolve, reject) => {
    const workerData: PrecomputeWorkerData = {
      config: loaded.config,
      baseDir: loaded.baseDir,
      rootDir: packageRoot(),
      dataDir: resolvePath(loaded, loaded.config.database.dataDir),
      prefixes: options.prefixes,
      afterId: share.afterId,
      upToId: share.upToId,
      batchSize: options.batchSize,
    };
    const worker = new Worker(script, { workerData });
    let finished = false;
    worker.on('message', (message: PrecomputeWorkerMessage) => {
      if (message.kind === 'batch') options.onBatch(message.format, message.transformed, message.failed);
      else {
        mergeCounts(total, new Map(message.counts));
        finished = true;
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (finished && code === 0 ? resolve() : reject(new Error(`precompute worker for ids ${share.afterId + 1}-${share.upToId} stopped (exit code ${code})`))));
  }));
  const settled = await Promise.allSettled(runs);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return total;
}

async function reindexCommand(loaded: LoadedConfig, values: Options): Promise<number> {
  const store = await open(loaded);
  try {
    const batchSize = values['batch-size'] ? Number(values['batch-size']) : loaded.config.import.batchSize;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError('--batch-size must be a positive integer');
    const done = await reindexAll(store.records, compileIndexMap(loaded.config.indexes), loaded.config.import.items, { batchSize });
    process.stdout.write(`reindexed ${done} records\n`);
    return 0;
  } finally {
    await store.close();
  }
}

async function importPatronsCommand(loaded: LoadedConfig, files: string[], values: Options): Promise<number> {
  if (files.length !== 1) return usage('import-patrons needs one FILE (.csv or .json)');
  const file = files[0]!;
  if (!existsSync(file)) return usage(`no such file: ${file}`);
  const log = makeLogger(loaded, 2);
  const store = await open(loaded);
  const started = Date.now();
  try {
    const report = await importPatrons(file, store, { strict: Boolean(values.strict), rounds: loaded.config.ilsdi.passwordHashRounds, log, now: systemClock.now() });
    process.stdout.write(`${formatPatronReport(report, (Date.now() - started) / 1000, file)}\n`);
    return report.skipped > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof PatronImportAborted) {
      process.stderr.write(`libgate import-patrons: stopped (--strict): ${error.message}\n`);
      return 1;
    }
    if (error instanceof SyntaxError || /CSV|JSON|expected a JSON/i.test((error as Error).message)) {
      process.stderr.write(`libgate import-patrons: cannot read ${file}: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

async function apikeyCommand(loaded: LoadedConfig, args: string[], values: Options): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'create' && action !== 'list' && action !== 'revoke') return usage('apikey needs create, list or revoke');
  let scopes: IlsdiScope[] = [];
  if (action === 'create') {
    if (!values.name) return usage('apikey create needs --name NAME');
    scopes = (values.scopes ?? '').split(',').map((s) => s.trim()).filter(Boolean) as IlsdiScope[];
    const unknown = scopes.filter((s) => !(ILSDI_SCOPES as readonly string[]).includes(s));
    if (scopes.length === 0 || unknown.length > 0) return usage(`apikey create needs --scopes from ${ILSDI_SCOPES.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
  }
  if (action === 'revoke' && (rest.length !== 1 || !/^\d+$/.test(rest[0]!))) return usage('apikey revoke needs the key id (see apikey list)');
  const store = await open(loaded);
  try {
    if (action === 'create') {
      const generated = generateApiKey();
      const id = await store.access.createKey({ name: values.name!, keyPrefix: generated.prefix, keyHash: generated.hash, scopes }, systemClock.now());
      process.stdout.write(`created API key ${id} for ${values.name} (scopes: ${scopes.join(', ')})\n${generated.key}\nkeep it now: only its hash is stored\n`);
      return 0;
    }
    if (action === 'list') {
      const keys = await store.access.listKeys();
      if (keys.length === 0) process.stdout.write('no API keys\n');
      for (const key of keys) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
        process.stdout.write(`${key.id}\t${key.keyPrefix}…\t${key.name}\t${key.scopes.join(',')}\t${state}\tcreated ${key.createdAt.toISOString()}\tlast used ${key.lastUsedAt?.toISOString() ?? 'never'}\n`);
      }
      return 0;
    }
    const revoked = await store.access.revokeKey(Number(rest[0]), systemClock.now());
    process.stdout.write(revoked ? `revoked API key ${rest[0]}\n` : `no active API key ${rest[0]}\n`);
    return revoked ? 0 : 1;
  } finally {
    await store.close();
  }
}

async function unlockPatronCommand(loaded: LoadedConfig, args: string[]): Promise<number> {
  if (args.length !== 1) return usage('unlock-patron needs one cardnumber, userid or borrowernumber');
  const store = await open(loaded);
  try {
    const id = await store.patrons.unlock(args[0]!);
    process.stdout.write(id === undefined ? `no patron ${args[0]}\n` : `unlocked patron ${id}\n`);
    return id === undefined ? 1 : 0;
  } finally {
    await store.close();
  }
}

function usage(message: string): number {
  process.stderr.write(`libgate: ${message}\n`);
  return 2;
}
