/**
 * `npm run bench -- ilsdi [--count N] [--seed S] [--concurrency C] [--requests R] [--patrons P] [--database-url URL]`
 *
 * --database-url measures an existing libgate database instead of the generated dataset (ids are
 * still drawn from 1..count, so give the number of records it holds).
 *
 * ILS-DI on PostgreSQL over a generated catalogue (default 1,000,000 records, 0-6 items each), the
 * issue's mix at 8 concurrent clients, each kind measured on its own: GetAvailability with 1, 10 and
 * 50 bib ids, GetRecords with 10 ids, GetPatronInfo with loans and holds. Ids are drawn
 * deterministically from the whole catalogue, so most requests miss every cache but PostgreSQL's.
 *
 * Patrons, loans and holds are added to the bench database through libgate's store the first time
 * (bench patrons have cardnumbers BENCH-000001…): loans go on items the generated catalogue already
 * shows on loan (952$q), with the same due dates, so no record's datestamp moves and the dataset
 * stays what the other scenarios expect. Target (issue #5): GetAvailability with 50 ids under 30 ms
 * at p95 on the 2-core machine.
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { systemClock } from '../src/clock.js';
import { loadConfigFile } from '../src/config/load.js';
import { generateApiKey } from '../src/ilsdi/access/api-keys.js';
import { openStore, type Store } from '../src/store/store.js';
import { ensureBenchDatabase } from './dataset.js';
import { fetchText, formatTable, latencyRow, runLoad, type Cell } from './load.js';
import { describeMachine, reportHead, repoRoot, writeResult } from './machine.js';
import { startServer } from './server.js';
import path from 'node:path';

const LOANS_PER_PATRON = 5;
const HOLDS_PER_PATRON = 3;

/** A small deterministic PRNG (mulberry32): request i always asks for the same ids. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ids(i: number, how: number, count: number, salt: number): string {
  const next = random(i * 7919 + salt);
  return Array.from({ length: how }, () => String(1 + Math.floor(next() * count))).join('+');
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      count: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '8' },
      requests: { type: 'string', default: '3000' },
      patrons: { type: 'string', default: '1000' },
      'database-url': { type: 'string' },
    },
    strict: true,
  });
  const count = Number(values.count);
  const concurrency = Number(values.concurrency);
  const requests = Number(values.requests);
  const patrons = Number(values.patrons);
  const machine = describeMachine();
  process.stdout.write(`${machine}\n\n`);
  const databaseUrl = values['database-url'] ?? (await ensureBenchDatabase({ count, seed: Number(values.seed) })).databaseUrl;
  const { key, fixture } = await prepareFixture(databaseUrl, patrons);
  process.stderr.write(`ilsdi fixture: ${fixture}\n`);

  const server = await startServer({ databaseUrl, config: 'server:\n  logLevel: warn\n' });
  const base = `${server.baseUrl}/ilsdi`;
  const headers = { 'X-Api-Key': key };
  // A failure of the whole request is a <code> right under the root; GetRecords' per-record
  // RecordNotFound (deleted generated records) is a normal answer.
  const check = (body: string, must: string) => {
    if (!body.includes(must) || /^<\?xml[^>]*>\n<\w+>\n {2}<code>/.test(body)) throw new Error(`unexpected answer: ${body.slice(0, 200)}`);
  };
  const kinds: Array<{ label: string; url: (i: number) => string; must: string; headers?: Record<string, string> }> = [
    { label: 'GetAvailability, 1 bib id', url: (i) => `${base}?service=GetAvailability&id_type=bib&id=${ids(i, 1, count, 1)}`, must: '<dlf:collection' },
    { label: 'GetAvailability, 10 bib ids', url: (i) => `${base}?service=GetAvailability&id_type=bib&id=${ids(i, 10, count, 2)}`, must: '<dlf:collection' },
    { label: 'GetAvailability, 50 bib ids', url: (i) => `${base}?service=GetAvailability&id_type=bib&id=${ids(i, 50, count, 3)}`, must: '<dlf:collection' },
    { label: 'GetRecords, 10 ids', url: (i) => `${base}?service=GetRecords&id=${ids(i, 10, count, 4)}`, must: '<GetRecords>' },
    {
      label: `GetPatronInfo, ${LOANS_PER_PATRON} loans + ${HOLDS_PER_PATRON} holds`,
      url: (i) => `${base}?service=GetPatronInfo&show_contact=0&show_loans=1&show_holds=1&patron_id=${ids(i, 1, patrons, 5)}`,
      must: '<loans>',
      headers,
    },
  ];
  const rows: Array<Record<string, Cell>> = [];
  const sizes: string[] = [];
  try {
    for (const kind of kinds) {
      process.stderr.write(`ilsdi: ${kind.label}\n`);
      let bytes = 0;
      const result = await runLoad({
        concurrency,
        requests,
        warmupRequests: 200,
        request: async (i) => {
          const answer = await fetchText(kind.url(i), kind.headers ? { headers: kind.headers } : {});
          check(answer.body, kind.must);
          bytes += answer.bytes;
          return { bytes: answer.bytes, label: kind.label };
        },
      });
      rows.push({ ...latencyRow(kind.label, result.latenciesMs), 'req/s': result.throughput, errors: result.errors });
      sizes.push(`${kind.label}: ${(bytes / Math.max(1, result.completed + 200) / 1024).toFixed(1)} KiB per answer`);
      if (result.errorSamples.length > 0) sizes.push(`  errors: ${result.errorSamples.join('; ')}`);
    }
    // The same 50-id request from one client: the server's own latency, without queueing behind 7 others.
    const single = kinds[2]!;
    const alone = await runLoad({
      concurrency: 1,
      requests: Math.max(100, Math.floor(requests / 4)),
      warmupRequests: 20,
      request: async (i) => {
        const answer = await fetchText(single.url(i + 1_000_000), {});
        check(answer.body, single.must);
        return { bytes: answer.bytes, label: single.label };
      },
    });
    rows.push({ ...latencyRow(`${single.label} (1 client)`, alone.latenciesMs), 'req/s': alone.throughput, errors: alone.errors });
  } finally {
    await server.stop();
  }
  const p95of50 = rows[2]!['p95 ms'] as number;
  writeResult('ilsdi', [
    ...reportHead({
      title: 'ILS-DI',
      scenario: 'ilsdi',
      args,
      databaseUrl: values['database-url'],
      existingNote: ` (ids drawn from 1..${count}); ${fixture}`,
      generatedNote: `${count} generated records (seed ${values.seed}) in PostgreSQL; ${fixture}`,
      load: `${concurrency} concurrent clients, ${requests} requests per kind after 200 warm-up requests; each kind measured on its own. Ids drawn uniformly from the whole catalogue.`,
      machine,
      table: formatTable(rows),
      peakRssMb: server.peakRssMb(),
    }),
    ...sizes.map((s) => `- ${s}`),
    '',
    `Target: GetAvailability with 50 ids under 30 ms at p95: ${p95of50 < 30 ? 'met' : 'missed'} (${p95of50.toFixed(1)} ms).`,
  ].join('\n'));
}

/** Bench patrons with loans and holds (once per database), and a fresh API key for this run. */
async function prepareFixture(databaseUrl: string, patrons: number): Promise<{ key: string; fixture: string }> {
  const loaded = loadConfigFile(path.join(repoRoot(), 'conf', 'libgate.yaml'), { databaseUrl });
  const store: Store = await openStore(loaded.config, systemClock, { dataDir: 'memory', migrate: true });
  try {
    const now = systemClock.now();
    const cardnumber = (n: number) => `BENCH-${String(n).padStart(6, '0')}`;
    if ((await store.patrons.lookup('cardnumber', cardnumber(patrons))) === undefined) {
      const libraries = (await store.records.libraries()).filter((l) => l.isPickupLocation).map((l) => l.code);
      const inputs = Array.from({ length: patrons }, (_, i) => ({
        borrowernumber: undefined,
        cardnumber: cardnumber(i + 1),
        userid: `bench${i + 1}`,
        fields: { surname: `Reader ${i + 1}`, firstname: 'Bench', branchcode: libraries[i % libraries.length]!, categorycode: 'ADULT', dateexpiry: '2099-12-31' },
        passwordHash: undefined,
        passwordExpirationDate: undefined,
        attributes: [],
        sourceHash: 'bench',
      }));
      for (let i = 0; i < inputs.length; i += 500) await store.patrons.write(inputs.slice(i, i + 500), now);
      const onLoan = await store.circulation.untrackedLoans(patrons * LOANS_PER_PATRON);
      if (onLoan.length === 0) throw new Error('ilsdi fixture: the generated catalogue has no items on loan');
      // Holds go on the records of loaned items (what patrons queue for), each held by someone else.
      await store.circulation.loadSample({
        loans: onLoan.map((loan, i) => ({
          cardnumber: cardnumber((i % patrons) + 1), itemnumber: loan.itemId, issuedate: '2026-01-02 10:00:00', date_due: `${loan.onloan} 23:59:00`,
        })),
        holds: Array.from({ length: patrons * HOLDS_PER_PATRON }, (_, i) => ({
          cardnumber: cardnumber((i % patrons) + 1),
          biblionumber: onLoan[(i * 7 + 3) % onLoan.length]!.biblionumber,
          branchcode: libraries[i % libraries.length]!,
          reservedate: '2026-01-05',
          priority: 1 + Math.floor(i / patrons),
        })),
      });
    }
    const generated = generateApiKey();
    await store.access.createKey({ name: `bench ${now.toISOString()}`, keyPrefix: generated.prefix, keyHash: generated.hash, scopes: ['patron-read'] }, now);
    return { key: generated.key, fixture: `${patrons} patrons with ${LOANS_PER_PATRON} loans and ${HOLDS_PER_PATRON} title-level holds each (on random records)` };
  } finally {
    await store.close();
  }
}
