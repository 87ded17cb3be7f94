/**
 * `npm run bench -- health [--count N] [--seed S] [--concurrency C] [--requests R]`
 *
 * The floor under every protocol benchmark: GET /health (one `SELECT 1` round trip through the pool,
 * Express, request logging) against the real server over a generated PostgreSQL database. Also the
 * shortest complete example of the harness: dataset, server, load, summary, report.
 */
import { parseArgs } from 'node:util';
import { ensureBenchDatabase } from './dataset.js';
import { fetchText, formatTable, latencyRow, runLoad } from './load.js';
import { describeMachine, writeResult } from './machine.js';
import { startServer } from './server.js';

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      count: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '8' },
      requests: { type: 'string', default: '5000' },
    },
    strict: true,
  });
  const count = Number(values.count);
  const concurrency = Number(values.concurrency);
  const requests = Number(values.requests);
  const machine = describeMachine();
  process.stdout.write(`${machine}\n\n`);
  const { databaseUrl } = await ensureBenchDatabase({ count, seed: Number(values.seed) });
  const server = await startServer({ databaseUrl });
  try {
    const result = await runLoad({
      concurrency,
      requests,
      warmupRequests: 200,
      request: async () => ({ bytes: (await fetchText(`${server.baseUrl}/health`)).bytes, label: 'GET /health' }),
    });
    const table = formatTable([{ ...latencyRow('GET /health', result.latenciesMs), 'req/s': result.throughput, errors: result.errors, 'server peak RSS MB': server.peakRssMb() }]);
    writeResult('health', [
      '# /health latency',
      '',
      `Command: \`npm run bench -- health ${args.join(' ')}\`, ${new Date().toISOString()}`,
      `Dataset: ${count} generated records (seed ${values.seed}) in PostgreSQL; ${concurrency} concurrent clients, ${requests} requests after 200 warm-up requests.`,
      '',
      '```',
      machine,
      '```',
      '',
      table,
      ...(result.errorSamples.length > 0 ? ['', `Errors: ${result.errorSamples.join('; ')}`] : []),
    ].join('\n'));
  } finally {
    await server.stop();
  }
}
