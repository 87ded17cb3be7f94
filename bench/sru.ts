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
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureBenchDatabase } from './dataset.js';
import { fetchText, formatTable, latencyRow, runLoad, type Cell } from './load.js';
import { describeMachine, loadAverage, writeResult } from './machine.js';
import { startServer } from './server.js';

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

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      count: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '8' },
      requests: { type: 'string', default: '1000' },
      'database-url': { type: 'string' },
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
  const base = `${server.baseUrl}/sru?version=1.2&operation=`;
  const q = (cql: string) => `${base}searchRetrieve&maximumRecords=10&recordSchema=marcxml&query=${encodeURIComponent(cql)}`;
  const kinds: Array<{ label: string; url: (i: number) => string }> = [
    { label: 'title word', url: (i) => q(`dc.title = ${pick(terms.titleWords, i)}`) },
    { label: 'author phrase', url: (i) => q(`dc.creator = "${pick(terms.authorPhrases, i)}"`) },
    { label: 'subject word', url: (i) => q(`dc.subject = ${pick(terms.subjectWords, i)}`) },
    { label: 'ISBN exact', url: (i) => q(`bath.isbn = ${pick(terms.isbns, i)}`) },
    { label: 'boolean and/or/not', url: (i) => q(`(dc.title = ${pick(terms.titleWords, i)} or dc.subject = ${pick(terms.subjectWords, i)}) and dc.date > 1950 not dc.title = ${pick(terms.titleWords, i + 7)}`) },
    { label: 'right truncation', url: (i) => q(`dc.title = ${pick(terms.titlePrefixes, i)}*`) },
    { label: 'date range', url: (i) => q(`dc.date within "${1900 + (i % 100)} ${1905 + (i % 100)}"`) },
    { label: 'sortby date', url: (i) => q(`dc.subject = ${pick(terms.subjectWords, i)} sortby dc.date/sort.descending`) },
    { label: 'scan', url: (i) => `${base}scan&scanClause=${encodeURIComponent(`dc.title = ${pick(terms.titlePrefixes, i)}`)}&maximumTerms=10` },
  ];
  const check = (body: string, scan: boolean) => {
    if (body.includes('info:srw/diagnostic/')) throw new Error(`diagnostic: ${/<diag:uri>[^<]*<\/diag:uri>(<diag:details>[^<]*)?/.exec(body)?.[0] ?? body.slice(0, 200)}`);
    if (!(scan ? body.includes('<zs:terms>') : body.includes('<zs:numberOfRecords>'))) throw new Error(`unexpected answer: ${body.slice(0, 200)}`);
  };
  const rows: Array<Record<string, Cell>> = [];
  const notes: string[] = [];
  try {
    for (const kind of kinds) {
      process.stderr.write(`sru: ${kind.label}\n`);
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
      if (kind.label !== 'scan') notes.push(`${kind.label}: ${(hits / Math.max(1, answers)).toFixed(0)} hits per query on average`);
      if (result.errorSamples.length > 0) notes.push(`  errors: ${result.errorSamples.join('; ')}`);
    }
  } finally {
    await server.stop();
  }
  const missed = rows.filter((r) => !String(r.label ?? r.kind ?? '').includes('boolean') && Number(r['p95 ms']) >= 50);
  writeResult('sru', [
    '# SRU',
    '',
    `Command: \`npm run bench -- sru ${args.join(' ')}\`, ${new Date().toISOString()}`,
    values['database-url']
      ? `Dataset: the existing database ${values['database-url'].replace(/\/\/[^@]*@/, '//')}.`
      : `Dataset: ${count} generated records (seed ${values.seed}) in PostgreSQL.`,
    `Load: ${concurrency} concurrent clients, ${requests} requests per kind after 50 warm-up requests; each kind measured on its own. SRU 1.2, 10 MARCXML records per page, terms drawn from the dataset.`,
    '',
    '```',
    machine,
    '```',
    '',
    formatTable(rows),
    '',
    `Load average when done: ${loadAverage()}. Server peak RSS: ${server.peakRssMb().toFixed(0)} MB.`,
    '',
    ...notes.map((s) => `- ${s}`),
    '',
    `Target p95 < 50 ms (all kinds but boolean): ${missed.length === 0 ? 'met' : `missed for ${missed.length} kind(s)`}.`,
    '',
  ].join('\n'));
}
