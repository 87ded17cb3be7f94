/**
 * `npm run bench -- oai [--count N] [--seed S] [--database-url URL] [--formats marc21,oai_dc] [--clients 1,4]`
 *
 * OAI-PMH full harvests on PostgreSQL over the generated catalogue (default 20,000 records; the
 * issue's target size is 1,000,000): ListRecords in marc21 and in oai_dc, with 1 client and with 4
 * clients each harvesting the whole list at once, every page gzip-compressed and decompressed by the
 * client. Reports records/s (all clients together), time to first byte of the first page, p95 page
 * latency over the first and over the deepest 10% of pages, and the server's peak RSS.
 *
 * oai_dc is run twice: the first harvest fills the dissemination cache (one XSLT run per record),
 * later ones read it. Targets (issue #3): >= 5,000 records/s for one client in marc21; deepest-page
 * p95 within 1.5x of first-page p95; server RSS under 300 MB.
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createGunzip } from 'node:zlib';
import { ensureBenchDatabase } from './dataset.js';
import { formatTable, summarize, type Cell } from './load.js';
import { describeMachine, loadAverage, writeResult } from './machine.js';
import { startServer } from './server.js';

interface PageSample {
  readonly ms: number;
  readonly index: number;
}

interface HarvestResult {
  readonly records: number;
  readonly pages: PageSample[];
  readonly ttfbMs: number;
  readonly bytes: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** One page: gzip on the wire, decompressed here; resolves with the text, TTFB and total time. */
function getPage(url: string): Promise<{ body: string; ttfbMs: number; ms: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http.get(url, { agent, headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      const ttfbMs = performance.now() - started;
      if (res.statusCode !== 200) {
        reject(new Error(`HTTP ${res.statusCode} for ${url}`));
        res.resume();
        return;
      }
      let bytes = 0;
      res.on('data', (c: Buffer) => { bytes += c.length; });
      const source = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
      const chunks: Buffer[] = [];
      source.on('data', (c: Buffer) => chunks.push(c));
      source.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8'), ttfbMs, ms: performance.now() - started, bytes }));
      source.on('error', reject);
    }).on('error', reject);
  });
}

async function harvest(base: string, prefix: string): Promise<HarvestResult> {
  let url = `${base}?verb=ListRecords&metadataPrefix=${prefix}`;
  const pages: PageSample[] = [];
  let records = 0;
  let ttfbMs = 0;
  let bytes = 0;
  for (let index = 0; ; index += 1) {
    const page = await getPage(url);
    if (index === 0) ttfbMs = page.ttfbMs;
    if (page.body.includes('<error')) throw new Error(`OAI error: ${page.body.slice(0, 400)}`);
    records += page.body.split('<record>').length - 1;
    bytes += page.bytes;
    pages.push({ ms: page.ms, index });
    const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(page.body)?.[1];
    if (!token) break;
    url = `${base}?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`;
  }
  return { records, pages, ttfbMs, bytes };
}

async function run4(base: string, prefix: string, clients: number): Promise<{ results: HarvestResult[]; seconds: number }> {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: clients }, () => harvest(base, prefix)));
  return { results, seconds: (performance.now() - started) / 1000 };
}

function row(label: string, clients: number, outcome: { results: HarvestResult[]; seconds: number }): Record<string, Cell> {
  const records = outcome.results.reduce((n, r) => n + r.records, 0);
  const pageCount = outcome.results[0]!.pages.length;
  const tenth = Math.max(1, Math.floor(pageCount / 10));
  const first = outcome.results.flatMap((r) => r.pages.filter((p) => p.index < tenth).map((p) => p.ms));
  const deepest = outcome.results.flatMap((r) => r.pages.filter((p) => p.index >= pageCount - tenth).map((p) => p.ms));
  const p95First = summarize(first).p95;
  const p95Deep = summarize(deepest).p95;
  return {
    harvest: label,
    clients,
    records,
    pages: outcome.results.reduce((n, r) => n + r.pages.length, 0),
    seconds: outcome.seconds,
    'records/s': records / outcome.seconds,
    'TTFB ms': summarize(outcome.results.map((r) => r.ttfbMs)).p50,
    'p95 first pages ms': p95First,
    'p95 deepest pages ms': p95Deep,
    'deep/first': p95Deep / p95First,
    'MB gzip per client': outcome.results[0]!.bytes / 1024 / 1024,
  };
}

/** Empties the dissemination cache (derived data) so the cold run really transforms every record. */
async function clearDisseminationCache(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('DELETE FROM oai_disseminations');
  } finally {
    await client.end();
  }
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      count: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
      'database-url': { type: 'string' },
      // Subsets of the plan, for large catalogues (a cold oai_dc harvest of 1,000,000 records takes hours):
      formats: { type: 'string', default: 'marc21,oai_dc' },
      clients: { type: 'string', default: '1,4' },
    },
    strict: true,
  });
  const formats = new Set(values.formats.split(','));
  const clientCounts = new Set(values.clients.split(',').map(Number));
  const count = Number(values.count);
  const machine = describeMachine();
  process.stdout.write(`${machine}\n\n`);
  const databaseUrl = values['database-url'] ?? (await ensureBenchDatabase({ count, seed: Number(values.seed) })).databaseUrl;
  const server = await startServer({ databaseUrl, config: 'server:\n  logLevel: warn\n', startTimeoutSeconds: 600 });
  const base = `${server.baseUrl}/oai`;
  const rows: Array<Record<string, Cell>> = [];
  const loads: string[] = [];
  try {
    const fullPlan: Array<[string, string, number]> = [
      ['marc21', 'marc21', 1],
      ['marc21', 'marc21', 4],
      ['oai_dc (cold: fills the cache)', 'oai_dc', 1],
      ['oai_dc (cached)', 'oai_dc', 1],
      ['oai_dc (cached)', 'oai_dc', 4],
    ];
    const plan = fullPlan.filter(([label, prefix, clients]) => formats.has(prefix) && (clientCounts.has(clients) || label.includes('cold')));
    for (const [label, prefix, clients] of plan) {
      if (label.includes('cold')) await clearDisseminationCache(databaseUrl);
      process.stderr.write(`oai: ${label}, ${clients} client(s)\n`);
      rows.push(row(label, clients, await run4(base, prefix, clients)));
      loads.push(`${label} x${clients}: load average ${loadAverage()}`);
    }
  } finally {
    await server.stop();
  }
  const report = [
    `# OAI-PMH harvest benchmark (${count.toLocaleString('en')} generated records)`,
    '',
    machine,
    '',
    formatTable(rows),
    '',
    `Server peak RSS: ${server.peakRssMb().toFixed(0)} MB`,
    '',
    ...loads.map((l) => `- ${l}`),
  ].join('\n');
  writeResult('oai', report);
}
