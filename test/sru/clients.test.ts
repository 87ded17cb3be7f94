// Real SRU clients against a test server on a random port: yaz-client (default SOAP and `sru get`),
// zoomsh (CQL queries; PQF is refused with diag 8) and @natlibfi/sru-client 6 (2.0, literal zs:/diag:
// prefixes, paging by recordPosition).
import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sruClientModule from '@natlibfi/sru-client';
import type { Database } from '../../src/store/db.js';
import { testApp, testDeps } from '../helpers/app.js';
import { importFiles } from '../helpers/import.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { openTestDatabase } from '../helpers/test-db.js';

// The package is CommonJS with `exports.default`; under ESM the factory sits one level down.
type SruClientFactory = (options: Record<string, unknown>) => { searchRetrieve(query: string): NodeJS.EventEmitter };
const moduleValue = sruClientModule as unknown as { default?: SruClientFactory } & SruClientFactory;
const createSruClient: SruClientFactory = moduleValue.default ?? moduleValue;

let db: Database;
let server: Server;
let url: string;

beforeAll(async () => {
  db = await openTestDatabase();
  const deps = testDeps(db);
  await importFiles(deps.store, [`${REPO_ROOT}/sample/catalogue.xml`]);
  server = testApp(deps).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sru`;
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.close();
});

/** Runs a command asynchronously (the server lives in this process), feeding stdin. */
function run(command: string, args: readonly string[], input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { out += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', () => resolve(out));
    child.stdin.end(input);
  });
}

describe('yaz-client', () => {
  it('searches, shows and scans in its default SOAP mode', async () => {
    const out = await run('yaz-client', [], `open ${url}\nfind dc.creator=austen\nshow 1\nscan dc.title=pride\nquit\n`);
    expect(out).toContain('Number of hits: 2');
    expect(out).toContain('<subfield code="a">Austen, Jane,</subfield>');
    expect(out).toMatch(/Pride and prejudice[^\n]*: 1 /);
  });

  it('does the same with sru get 1.2', async () => {
    const out = await run('yaz-client', [], `open ${url}\nsru get 1.2\nfind dc.title="pride and prejudice"\nshow 1\nquit\n`);
    expect(out).toMatch(/Number of hits: [1-9]/);
    expect(out).toContain('Pride and prejudice');
  });
});

describe('zoomsh', () => {
  it('searches with CQL and shows a MARCXML record', async () => {
    const out = await run('zoomsh', [`connect ${url}`, 'search cql:dc.title=history', 'show 0 1', 'quit']);
    expect(out).toMatch(/: 2 hits/);
    expect(out).toContain('<record xmlns="http://www.loc.gov/MARC21/slim">');
  });

  it('gets diagnostic 8 for a PQF query, not a failure of the server', async () => {
    const out = await run('zoomsh', [`connect ${url}`, 'search @attr 1=4 history', 'quit']);
    expect(out).toContain('info:srw/diagnostic/1:8');
  });
});

describe('@natlibfi/sru-client 6', () => {
  it('retrieves every hit across pages (more than one response of maximumRecords 100)', async () => {
    const client = createSruClient({ url, recordSchema: 'marcxml', version: '2.0', maxRecordsPerRequest: 1000 });
    const records: string[] = [];
    const total = await new Promise<number>((resolve, reject) => {
      let announced = 0;
      client.searchRetrieve('cql.allRecords=1')
        .on('total', (n: number) => { announced = n; })
        .on('record', (record: string) => { records.push(record); })
        .on('end', () => resolve(announced))
        .on('error', reject);
    });
    expect(total).toBe(289);
    expect(records).toHaveLength(289);
    expect(records[0]).toContain('<record');
  });

  it('reports a diagnostic message as an error', async () => {
    const client = createSruClient({ url, recordSchema: 'marcxml' });
    const error = await new Promise<Error>((resolve) => {
      client.searchRetrieve('dc.nosuchindex=x').on('error', resolve).on('end', () => resolve(new Error('no error')));
    });
    expect(String(error.message)).toContain('Unsupported index');
  });
});
