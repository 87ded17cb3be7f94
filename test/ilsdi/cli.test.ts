import { noCrosswalks } from '../../src/crosswalk/registry.js';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { systemClock } from '../../src/clock.js';
import { loadConfigFile } from '../../src/config/load.js';
import { main } from '../../src/main.js';
import { compileIndexMap } from '../../src/indexing/index-map.js';
import { openStore } from '../../src/store/store.js';
import { pino } from 'pino';
import { testApp } from '../helpers/app.js';
import { xpathOne } from '../helpers/ilsdi.js';
import { REPO_ROOT } from '../helpers/paths.js';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => { stdout += String(chunk); return true; });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => { stderr += String(chunk); return true; });
  try {
    return { status: await main(args, {}), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/**
 * libgate import-patrons, apikey and unlock-patron on an embedded store in a temporary directory,
 * then the keys used against the app over the same store.
 */
describe('libgate import-patrons / apikey / unlock-patron', () => {
  let dir: string;
  let config: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'libgate-ilsdi-cli-'));
    config = path.join(dir, 'libgate.yaml');
    const shipped = path.join(REPO_ROOT, 'conf/libgate.yaml');
    writeFileSync(config, readFileSync(shipped, 'utf8').replace('dataDir: ../data/pglite', `dataDir: ${path.join(dir, 'pglite')}`).replace('logLevel: info', 'logLevel: silent').replace('passwordHashRounds: 10', 'passwordHashRounds: 4'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports CSV patrons, reports skipped rows by line, and says unchanged / updated on the next runs', async () => {
    const csv = path.join(dir, 'patrons.csv');
    const rows = [
      'cardnumber,surname,firstname,userid,password,branchcode,categorycode,dateexpiry,email,patron_attributes',
      'C001,Lovelace,Ada,ada,ada-secret-1,CENTRAL,ADULT,2030-01-01,ada@example.org,"LANG:en,SCHOOL:Analytical"',
      'C002,Hopper,Grace,grace,,EAST,ADULT,2030-01-01,,',
      'C003,,Nameless,nameless,,EAST,ADULT,,,',
      'C004,Turing,Alan,alan,,NOWHERE,ADULT,,,',
      'C005,Babbage,Charles,ada,,EAST,ADULT,,,',
      'C006,Noether,Emmy,emmy,,EAST,ADULT,01/02/2030,,',
    ];
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const first = await run(['import-patrons', csv, '--config', config]);
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/read 6 patrons/);
    expect(first.stdout).toMatch(/created 2, updated 0, unchanged 0, skipped 4/);
    expect(first.stdout).toMatch(/patrons\.csv line 4: missing field: surname/);
    expect(first.stdout).toMatch(/patrons\.csv line 5: unknown library: NOWHERE/);
    expect(first.stdout).toMatch(/patrons\.csv line 6: duplicate userid/);
    expect(first.stdout).toMatch(/patrons\.csv line 7: bad date: dateexpiry/);
    const again = await run(['import-patrons', csv, '--config', config]);
    expect(again.stdout).toMatch(/created 0, updated 0, unchanged 2, skipped 4/);
    writeFileSync(csv, `${rows.slice(0, 2).join('\n').replace('ada@example.org', 'ada@new.example.org')}\n`);
    expect((await run(['import-patrons', csv, '--config', config])).stdout).toMatch(/created 0, updated 1, unchanged 0, skipped 0/);
    const json = path.join(dir, 'patrons.json');
    writeFileSync(json, JSON.stringify([
      { cardnumber: 'J1', surname: 'Curie', branchcode: 'MUSIC', categorycode: 'ADULT', patron_attributes: [{ code: 'LANG', attribute: 'fr' }] },
      { cardnumber: 'J2', surname: 'Franklin', branchcode: 'MUSIC', categorycode: 'ADULT', borrowernumber: 1 },
    ]));
    const strict = await run(['import-patrons', json, '--config', config, '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/stopped \(--strict\): patrons\.json patron 2: database refused the patron/);
    const lenient = await run(['import-patrons', json, '--config', config]);
    expect(lenient.stdout).toMatch(/created 0, updated 0, unchanged 1, skipped 1/);
  }, 300_000);

  it('creates, lists and revokes API keys; the printed key works until revoked', async () => {
    const created = await run(['apikey', 'create', '--name', 'vufind', '--scopes', 'patron-read,patron-write', '--config', config]);
    expect(created.status).toBe(0);
    const key = /^(lgk_[A-Za-z0-9_-]{43})$/m.exec(created.stdout)?.[1];
    expect(key).toBeDefined();
    expect((await run(['apikey', 'create', '--name', 'x', '--scopes', 'everything', '--config', config])).status).toBe(2);
    const listed = await run(['apikey', 'list', '--config', config]);
    expect(listed.stdout).toMatch(/^1\tlgk_.{8}…\tvufind\tpatron-read,patron-write\tactive/m);
    expect(listed.stdout).not.toContain(key!);

    const ask = async () => {
      const loaded = loadConfigFile(config);
      const store = await openStore(loaded.config, systemClock, { dataDir: path.join(dir, 'pglite'), migrate: true });
      try {
        const deps = { config: loaded.config, store, clock: systemClock, log: pino({ level: 'silent' }), indexMap: compileIndexMap(loaded.config.indexes), crosswalks: noCrosswalks() };
        const res = await request(testApp(deps)).post('/ilsdi').set('Authorization', `apikey ${key}`).type('form').send('service=AuthenticatePatron&username=ada&password=ada-secret-1');
        return xpathOne(res.text, '/AuthenticatePatron/id') ?? xpathOne(res.text, '/AuthenticatePatron/code');
      } finally {
        await store.close();
      }
    };
    expect(await ask()).toMatch(/^\d+$/);
    expect((await run(['apikey', 'revoke', '1', '--config', config])).status).toBe(0);
    expect((await run(['apikey', 'revoke', '1', '--config', config])).status).toBe(1);
    expect(await ask()).toBe('NotAllowed');
  }, 300_000);

  it('unlock-patron names the patron it unlocked, or fails', async () => {
    expect((await run(['unlock-patron', 'ada', '--config', config])).stdout).toMatch(/unlocked patron \d+/);
    expect((await run(['unlock-patron', 'nobody', '--config', config])).status).toBe(1);
  }, 300_000);
});
