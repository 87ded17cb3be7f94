import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/main.js';
import { haveMarcData, marcData } from '../helpers/marc-data.js';
import { REPO_ROOT } from '../helpers/paths.js';

/** Runs the CLI in-process, capturing what it prints. */
async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => { stdout += String(chunk); return true; });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => { stderr += String(chunk); return true; });
  try {
    const status = await main(args, env);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/**
 * The libgate command against an embedded store in a temporary directory (what a librarian does
 * before any PostgreSQL exists). DATABASE_URL is deliberately not passed.
 */
describe('libgate CLI', () => {
  let dir: string;
  let config: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'libgate-cli-'));
    config = path.join(dir, 'libgate.yaml');
    writeFileSync(config, `database:\n  dataDir: ${path.join(dir, 'pglite')}\nserver:\n  logLevel: silent\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints usage for no command and rejects unknown options', async () => {
    expect((await run([])).status).toBe(2);
    const bad = await run(['import', '--nope']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option/);
  });

  it('names the offending key of a broken config file', async () => {
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(broken, 'server:\n  prot: 1\n');
    const result = await run(['migrate', '--config', broken]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/server\.prot: unknown key/);
  });

  it('imports the sample catalogue and reports what it did; a second run changes nothing', async () => {
    const first = await run(['import', path.join(REPO_ROOT, 'sample/catalogue.xml'), '--config', config]);
    expect(first.stderr).not.toMatch(/error|warn/i);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/read 294 records/);
    expect(first.stdout).toMatch(/created 289, updated 0, unchanged 0, deleted 5, skipped 0/);
    const second = await run(['import', path.join(REPO_ROOT, 'sample/catalogue.xml'), '--config', config]);
    expect(second.stdout).toMatch(/created 0, updated 0, unchanged 294, deleted 0, skipped 0/);
  });

  it('exits 1 and names each skipped record when a file has bad records', async () => {
    if (!haveMarcData()) return;
    const result = await run(['import', marcData('sources/ruby-marc/three-records-second-bad.xml'), '--id', '@position', '--config', config]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/skipped 1/);
    expect(result.stdout).toMatch(/three-records-second-bad\.xml record 2: /);
  });

  it('stops at the first bad record with --strict', async () => {
    if (!haveMarcData()) return;
    const result = await run(['import', marcData('sources/ruby-marc/three-records-second-bad.xml'), '--id', '@position', '--strict', '--config', config]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/stopped \(--strict\).*record 2/);
  });

  it('deletes records by id and from a list file, saying which were not found', async () => {
    const list = path.join(dir, 'deletions.txt');
    writeFileSync(list, '# withdrawn titles\n2\n3\n');
    const result = await run(['delete', '1', '999999', '--file', list, '--config', config]);
    expect(result.stdout).toMatch(/deleted 3, already deleted 0, not found 1/);
    expect(result.stdout).toMatch(/not found: 999999/);
    expect(result.status).toBe(1);
  });

  it('refuses a bad --id and a missing file with usage errors', async () => {
    expect((await run(['import', 'x.mrc', '--id', '24$', '--config', config])).status).toBe(2);
    expect((await run(['import', path.join(dir, 'missing.mrc'), '--config', config])).status).toBe(2);
  });
});
