/**
 * `npm run bench -- sru [--count N] [--seed S] [--concurrency C] [--requests R] [--database-url URL]`
 *
 * SRU searchRetrieve and scan on PostgreSQL over a generated catalogue (default 1,000,000 records;
 * run small, e.g. --count 20000, on a shared machine), the issue's query mix at 8 concurrent
 * clients, each kind measured on its own: title word, author phrase, subject word, ISBN exact,
 * boolean and/or/not, right truncation, date range, sortby date, scan. Terms are drawn from the
 * dataset itself (record_keys, with a fixed random seed) so every query has real hits; each answer is
 * checked for numberOfRecords and the absence of diagnostics. 10 records per page, MARCXML.
 *
 * Targets (issue #4): p95 under 50 ms for every kind except broad boolean ORs.
 *
 * --zebra: where Debian's idzebra-2.0 is installed, the same records (generateRecords(count, seed))
 * are indexed by Zebra with bench/zebra/marc21lg.abs and YAZ's pqf.properties, and the same mix
 * runs against zebrasrv's SRU; the report gives both and the throughput ratio. Zebra's records come
 * as its default XML (MARCXML); sortby is not configured for it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { writeRecordsFile } from './generate.js';
import { ensureBenchDatabase } from './dataset.js';
import { fetchText, formatTable, latencyRow, runLoad, type Cell } from './load.js';
import { describeMachine, outDir, reportHead, repoRoot, writeResult } from './machine.js';
import { freePort, startServer } from './server.js';

interface Terms {
  titleWords: string[];
  authorPhrases: string[];
  subjectWords: string[];
  isbns: string[];
  titlePrefixes: string[];
}

/** Draws query terms from the dataset's own keys, deterministically (setseed). */
async function drawTerms(databaseUrl: string): Promise<Terms> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const keys = async (index: string, n: number): Promise<string[]> => {
      await client.query('SELECT setseed(0.42)');
      const r = await client.query(
        `SELECT key FROM (SELECT key FROM record_keys WHERE index_name = $1 ORDER BY record_id LIMIT 20000) k ORDER BY random() LIMIT $2`,
        [index, n],
      );
      return r.rows.map((row: { key: string }) => row.key);
    };
    const longestWord = (key: string) => key.split(' ').filter((w) => /^[a-z]{4,}$/.test(w)).sort((a, b) => b.length - a.length)[0];
    const titles = await keys('title', 400);
    const creators = await keys('creator', 400);
    const subjects = await keys('subject', 400);
    const isbns = await keys('isbn', 400);
    const titleWords = titles.map(longestWord).filter((w): w is string => Boolean(w));
    return {
      titleWords,
      authorPhrases: creators.map((k) => k.split(' ').filter((w) => /^\p{L}+$/u.test(w)).slice(0, 2).join(' ')).filter((p) => p.includes(' ')),
      subjectWords: subjects.map(longestWord).filter((w): w is string => Boolean(w)),
      isbns,
      titlePrefixes: titleWords.map((w) => w.slice(0, 4)),
    };
  } finally {
    await client.end();
  }
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

interface Kind {
  readonly label: string;
  readonly url: (i: number) => string;
}

/** The mix, against an SRU base URL; `schema` is appended to searchRetrieve requests. */
function queryMix(endpoint: string, schema: string, terms: Terms): Kind[] {
  const base = `${endpoint}?version=1.2&operation=`;
  const q = (cql: string) => `${base}searchRetrieve&maximumRecords=10${schema}&query=${encodeURIComponent(cql)}`;
  return [
    { label: 'title word', url: (i) => q(`dc.title = ${pick(terms.titleWords, i)}`) },
    { label: 'author phrase', url: (i) => q(`dc.creator = "${pick(terms.authorPhrases, i)}"`) },
    { label: 'subject word', url: (i) => q(`dc.subject = ${pick(terms.subjectWords, i)}`) },
    { label: 'ISBN exact', url: (i) => q(`bath.isbn = ${pick(terms.isbns, i)}`) },
    { label: 'boolean and/or/not', url: (i) => q(`(dc.title = ${pick(terms.titleWords, i)} or dc.subject = ${pick(terms.subjectWords, i)}) and dc.date > 1950 not dc.title = ${pick(terms.titleWords, i + 7)}`) },
    { label: 'right truncation', url: (i) => q(`dc.title = ${pick(terms.titlePrefixes, i)}*`) },
    { label: 'date range', url: (i) => q(`dc.date >= ${1900 + (i % 100)} and dc.date <= ${1905 + (i % 100)}`) },
    { label: 'sortby date', url: (i) => q(`dc.subject = ${pick(terms.subjectWords, i)} sortby dc.date/sort.descending`) },
    { label: 'scan', url: (i) => `${base}scan&scanClause=${encodeURIComponent(`dc.title = ${pick(terms.titlePrefixes, i)}`)}&maximumTerms=10` },
  ];
}

interface Measured {
  readonly rows: Array<Record<string, Cell>>;
  readonly notes: string[];
}

async function measure(name: string, kinds: readonly Kind[], concurrency: number, requests: number, skip: ReadonlySet<string> = new Set()): Promise<Measured> {
  const check = (body: string, scan: boolean) => {
    if (body.includes('info:srw/diagnostic/')) throw new Error(`diagnostic: ${/<(?:diag:)?uri>[^<]*<\/(?:diag:)?uri>/.exec(body)?.[0] ?? body.slice(0, 200)}`);
    if (!(scan ? body.includes('<zs:terms>') : body.includes('<zs:numberOfRecords>'))) throw new Error(`unexpected answer: ${body.slice(0, 200)}`);
  };
  const rows: Array<Record<string, Cell>> = [];
  const notes: string[] = [];
  for (const kind of kinds) {
    if (skip.has(kind.label)) {
      rows.push({ label: kind.label, count: 0, 'p50 ms': undefined, 'p95 ms': undefined, 'p99 ms': undefined, 'mean ms': undefined, 'max ms': undefined, 'q/s': undefined, errors: undefined });
      continue;
    }
    process.stderr.write(`sru (${name}): ${kind.label}\n`);
    let hits = 0;
    let answers = 0;
    const result = await runLoad({
      concurrency,
      requests,
      warmupRequests: 50,
      request: async (i) => {
        const answer = await fetchText(kind.url(i), {});
        check(answer.body, kind.label === 'scan');
        const n = /<zs:numberOfRecords>(\d+)</.exec(answer.body);
        if (n) hits += Number(n[1]);
        answers += 1;
        return { bytes: answer.bytes, label: kind.label };
      },
    });
    rows.push({ ...latencyRow(kind.label, result.latenciesMs), 'q/s': result.throughput, errors: result.errors });
    if (kind.label !== 'scan') notes.push(`${name}, ${kind.label}: ${(hits / Math.max(1, answers)).toFixed(0)} hits per query on average`);
    if (result.errorSamples.length > 0) notes.push(`  ${name} errors: ${result.errorSamples.join('; ')}`);
  }
  return { rows, notes };
}

/** Indexes generateRecords(count, seed) with Zebra (once per dataset) and starts zebrasrv; returns its SRU URL. */
async function startZebra(count: number, seed: number): Promise<{ url: string; stop: () => Promise<void> }> {
  if (spawnSync('zebraidx', ['-V']).error) throw new Error('--zebra: zebraidx not found (Debian package idzebra-2.0)');
  const dir = path.join(outDir(), `zebra-${count}-${seed}`);
  const port = await freePort();
  mkdirSync(path.join(dir, 'reg'), { recursive: true });
  mkdirSync(path.join(dir, 'shadow'), { recursive: true });
  writeFileSync(path.join(dir, 'zebra.cfg'), [
    `profilePath: ${path.join(repoRoot(), 'bench', 'zebra')}:/usr/share/idzebra-2.0/tab`,
    'attset: bib1.att', 'attset: explain.att', 'recordType: grs.marcxml.marc21lg',
    `register: ${dir}/reg:2G`, `shadow: ${dir}/shadow:500M`, `lockDir: ${dir}`, `keyTmpDir: ${dir}`, '',
  ].join('\n'));
  // YAZ's CQL-to-PQF map; dc.date goes to Date-of-publication (1=31), which marc21lg.abs indexes.
  writeFileSync(path.join(dir, 'pqf.properties'), readFileSync('/usr/share/yaz/etc/pqf.properties', 'utf8').replace(/^index\.dc\.date\s.*$/m, 'index.dc.date = 1=31'));
  writeFileSync(path.join(dir, 'yazserver.xml'),
    `<yazgfs><listen id="public">tcp:@:${port}</listen><server id="s" listenref="public"><directory>${dir}</directory><config>zebra.cfg</config><cql2rpn>pqf.properties</cql2rpn></server></yazgfs>\n`);
  if (!existsSync(path.join(dir, 'indexed'))) {
    const file = path.join(dir, 'records.mrc');
    await writeRecordsFile(file, { count, seed, format: 'iso2709' });
    const started = performance.now();
    for (const args of [['init'], ['-t', 'grs.marcxml.marc21lg', 'update', file], ['commit']]) {
      const r = spawnSync('zebraidx', ['-c', path.join(dir, 'zebra.cfg'), ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`zebraidx ${args.join(' ')} failed: ${String(r.stderr).slice(-500)}`);
    }
    process.stderr.write(`zebra: indexed ${count} records in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    rmSync(file, { force: true });
    writeFileSync(path.join(dir, 'indexed'), 'done\n');
  }
  const child: ChildProcess = spawn('zebrasrv', ['-f', path.join(dir, 'yazserver.xml'), '-l', path.join(dir, 'zebrasrv.log')], { cwd: dir, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/Default`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetchText(`${url}?version=1.2&operation=explain`);
      break;
    } catch (error) {
      if (attempt > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      count: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '8' },
      requests: { type: 'string', default: '1000' },
      'database-url': { type: 'string' },
      zebra: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const count = Number(values.count);
  const concurrency = Number(values.concurrency);
  const requests = Number(values.requests);
  const machine = describeMachine();
  process.stdout.write(`${machine}\n\n`);
  const databaseUrl = values['database-url'] ?? (await ensureBenchDatabase({ count, seed: Number(values.seed) })).databaseUrl;
  const terms = await drawTerms(databaseUrl);
  const server = await startServer({ databaseUrl, config: 'server:\n  logLevel: warn\n' });
  const kinds = queryMix(`${server.baseUrl}/sru`, '&recordSchema=marcxml', terms);
  let ours: Measured;
  try {
    ours = await measure('libgate', kinds, concurrency, requests);
  } finally {
    await server.stop();
  }
  const rows = ours.rows;
  const notes = [...ours.notes];
  let zebraSection: string[] = [];
  if (values.zebra) {
    const zebra = await startZebra(count, Number(values.seed));
    let theirs: Measured;
    try {
      // Zebra's default record is MARCXML; it has no sort configured (diag 89), so sortby is left out.
      theirs = await measure('zebra', queryMix(zebra.url, '', terms), concurrency, requests, new Set(['sortby date']));
    } finally {
      await zebra.stop();
    }
    notes.push(...theirs.notes);
    const ratio = theirs.rows.map((row, i) => ({
      label: row.label,
      'libgate q/s': rows[i]!['q/s'],
      'zebra q/s': row['q/s'],
      'libgate/zebra': typeof row['q/s'] === 'number' ? Number(rows[i]!['q/s']) / row['q/s'] : undefined,
      'libgate p95': rows[i]!['p95 ms'],
      'zebra p95': row['p95 ms'],
    }));
    zebraSection = ['## Zebra (idzebra-2.0, same records, same queries)', '', formatTable(theirs.rows), '', '### Ratio', '', formatTable(ratio, 2), ''];
  }
  const missed = rows.filter((r) => !String(r.label ?? r.kind ?? '').includes('boolean') && Number(r['p95 ms']) >= 50);
  writeResult('sru', [
    ...reportHead({
      title: 'SRU',
      scenario: 'sru',
      args,
      databaseUrl: values['database-url'],
      existingNote: '',
      generatedNote: `${count} generated records (seed ${values.seed}) in PostgreSQL`,
      load: `${concurrency} concurrent clients, ${requests} requests per kind after 50 warm-up requests; each kind measured on its own. SRU 1.2, 10 MARCXML records per page, terms drawn from the dataset.`,
      machine,
      table: formatTable(rows),
      peakRssMb: server.peakRssMb(),
    }),
    ...zebraSection,
    ...notes.map((s) => `- ${s}`),
    '',
    `Target p95 < 50 ms (all kinds but boolean): ${missed.length === 0 ? 'met' : `missed for ${missed.length} kind(s)`}.`,
    '',
  ].join('\n'));
}
