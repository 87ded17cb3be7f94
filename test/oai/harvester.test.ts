/**
 * A real harvester: Debian's libhttp-oai-perl (`oai_pmh`, HTTP::OAI) harvests the test repository
 * over HTTP with ListRecords, following resumption tokens (50 records per page), in two formats and
 * in one set; what it got is compared with the store.
 */
import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Config } from '../../src/config/schema.js';
import type { Database } from '../../src/store/db.js';
import { openTestDatabase } from '../helpers/test-db.js';
import { importSample, oaiApp } from '../helpers/oai.js';
import { shippedConfig } from '../helpers/import.js';

const ID = 'oai:libgate.example.org:';

function harvest(baseUrl: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('oai_pmh', [...args, baseUrl], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString('utf8'); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** oai_pmh prints one block per record ("identifier: …", "status: deleted" or empty, the metadata), blocks separated by form feeds. */
function parse(stdout: string): { live: string[]; deleted: string[] } {
  const live: string[] = [];
  const deleted: string[] = [];
  for (const chunk of stdout.split('\f')) {
    const id = /^identifier: (.*)$/m.exec(chunk)?.[1]?.trim();
    if (id === undefined) continue;
    (/^status: deleted$/m.test(chunk) ? deleted : live).push(id);
  }
  return { live, deleted };
}

describe('harvest with libhttp-oai-perl (oai_pmh)', () => {
  let db: Database;
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    await importSample(db);
    const config = structuredClone(shippedConfig()) as Config & { oai: { pageSize: { records: number; identifiers: number } } };
    config.oai.pageSize = { records: 50, identifiers: 50 };
    const { app } = await oaiApp(db, { config });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oai`;
  }, 300_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  const storeIds = async (deleted: boolean) => (await db.knex('records').select('local_id').where({ deleted }).orderBy('local_id'))
    .map((r) => `${ID}${r.local_id as string}`).sort();

  it.each(['marc21', 'oai_dc'])('gets every record and every tombstone in %s', async (prefix) => {
    const result = await harvest(baseUrl, ['-X', 'ListRecords', '--metadataPrefix', prefix]);
    expect(result.code).toBe(0);
    const got = parse(result.stdout);
    expect(got.live.sort()).toEqual(await storeIds(false));
    expect(got.deleted.sort()).toEqual(await storeIds(true));
    expect(result.stdout.split('<metadata').length - 1).toBe(got.live.length);
    expect(result.stdout).toContain(prefix === 'marc21' ? 'http://www.loc.gov/MARC21/slim' : 'http://www.openarchives.org/OAI/2.0/oai_dc/');
  }, 300_000);

  it('gets exactly the records with an item in the library of set library:MUSIC (in mods)', async () => {
    const result = await harvest(baseUrl, ['-X', 'ListRecords', '--metadataPrefix', 'mods', '--set', 'library:MUSIC']);
    expect(result.code).toBe(0);
    const got = parse(result.stdout);
    const rows = await db.knex('records as r').distinct('r.local_id')
      .join('items as i', 'i.record_id', 'r.id')
      .where((q) => q.where('i.home_library', 'MUSIC').orWhere('i.holding_library', 'MUSIC'));
    const expected = rows.map((r) => `${ID}${r.local_id as string}`).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(got.live.sort()).toEqual(expected);
  }, 300_000);
});
