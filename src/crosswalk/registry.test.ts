import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BUILTIN_CROSSWALKS } from './builtin.js';
import { metaFileFor, type SefMeta } from './compile.js';
import { CrosswalkError, TransformError } from './errors.js';
import { loadCrosswalks, SELF_TEST_RECORD, type CrosswalkRegistry } from './registry.js';

// Compiling a stylesheet with xslt3 takes a few seconds.
const COMPILE = 180_000;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const XSL = 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"';

let dir: string;
const write = (name: string, text: string): string => {
  writeFileSync(path.join(dir, name), text);
  return name;
};
const load = (xslFile: string, name = 'test'): Promise<CrosswalkRegistry> =>
  loadCrosswalks([{ name, xslFile }], { rootDir: dir, sefDir: 'sef' });
const failure = async (promise: Promise<unknown>): Promise<CrosswalkError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CrosswalkError);
  return error as CrosswalkError;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'libgate-registry-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadCrosswalks: start-up errors name the stylesheet', () => {
  it('rejects a missing stylesheet', async () => {
    const error = await failure(load('xslt/not-there.xsl'));
    expect(error.code).toBe('missing-stylesheet');
    expect(error.message).toContain(path.join(dir, 'xslt', 'not-there.xsl'));
  });

  it('rejects a stylesheet that does not compile', async () => {
    write('broken.xsl', `<xsl:stylesheet version="3.0" ${XSL}><xsl:template match="/"><xsl:value-of select="1 +"/></xsl:template></xsl:stylesheet>`);
    const error = await failure(load('broken.xsl'));
    expect(error.code).toBe('compile-failed');
    expect(error.file).toBe(path.join(dir, 'broken.xsl'));
    expect(error.message).toContain('broken.xsl');
  }, COMPILE);

  it('rejects a stylesheet that is not even XML', async () => {
    write('not-xml.xsl', '<xsl:stylesheet');
    const error = await failure(load('not-xml.xsl'));
    expect(error.code).toBe('compile-failed');
    expect(error.message).toContain('not-xml.xsl');
  }, COMPILE);

  it('rejects a stylesheet whose included module is missing, naming the module', async () => {
    write('with-module.xsl', `<xsl:stylesheet version="3.0" ${XSL}><xsl:include href="_missing.xsl"/></xsl:stylesheet>`);
    const error = await failure(load('with-module.xsl'));
    expect(error.code).toBe('missing-stylesheet');
    expect(error.message).toContain('_missing.xsl');
    expect(error.message).toContain('with-module.xsl');
  });

  it('rejects a stylesheet that compiles but fails on a minimal record', async () => {
    write('fails.xsl', `<xsl:stylesheet version="3.0" ${XSL}><xsl:template match="/"><xsl:sequence select="error()"/></xsl:template></xsl:stylesheet>`);
    const error = await failure(load('fails.xsl'));
    expect(error.code).toBe('self-test-failed');
    expect(error.message).toContain('fails.xsl');
  }, COMPILE);

  it('rejects a SEF that is not a compiled stylesheet', async () => {
    write('ok.xsl', `<xsl:stylesheet version="3.0" ${XSL}><xsl:template match="/"><ok/></xsl:template></xsl:stylesheet>`);
    await load('ok.xsl');
    writeFileSync(path.join(dir, 'sef', 'ok.sef.json'), '{"not": "a stylesheet"}');
    const error = await failure(load('ok.xsl'));
    expect(error.code).toBe('bad-sef');
    expect(error.file).toBe(path.join(dir, 'sef', 'ok.sef.json'));
  }, COMPILE);

  it('rejects two crosswalks with one name', async () => {
    const error = await failure(loadCrosswalks(
      [{ name: 'x', xslFile: 'a.xsl' }, { name: 'x', xslFile: 'b.xsl' }], { rootDir: dir }));
    expect(error.code).toBe('duplicate-name');
  });

  it('recompiles when the stylesheet changed, and the hash follows', async () => {
    write('changing.xsl', `<xsl:stylesheet version="3.0" ${XSL}><xsl:template match="/"><one/></xsl:template></xsl:stylesheet>`);
    const first = await load('changing.xsl');
    write('changing.xsl', `<xsl:stylesheet version="3.0" ${XSL}><xsl:template match="/"><two/></xsl:template></xsl:stylesheet>`);
    const second = await load('changing.xsl');
    expect(second.hash('test')).not.toBe(first.hash('test'));
    expect(second.transform('test', SELF_TEST_RECORD)).toBe('<two/>');
    // a stylesheet without the lg:batch entry point still transforms lists, one record at a time
    expect(second.info('test').batch).toBe(false);
    expect(second.transformMany('test', [SELF_TEST_RECORD, SELF_TEST_RECORD])).toEqual(['<two/>', '<two/>']);
  }, COMPILE);
});

describe('the built-in crosswalks', () => {
  let registry: CrosswalkRegistry;
  const sefDir = path.join(os.tmpdir(), `libgate-test-sef-${os.userInfo().uid}`);

  beforeAll(async () => {
    registry = await loadCrosswalks(BUILTIN_CROSSWALKS, { rootDir: repoRoot, sefDir });
  }, COMPILE);

  it('are all loaded, with batch support', () => {
    expect(registry.names).toEqual(['oai_dc', 'srw_dc', 'mods']);
    for (const name of registry.names) expect(registry.info(name).batch).toBe(true);
  });

  it('report the SHA-256 written in .sef.meta.json as their hash', () => {
    for (const name of registry.names) {
      const meta = JSON.parse(readFileSync(metaFileFor(registry.info(name).sefFile), 'utf8')) as SefMeta;
      expect(registry.hash(name)).toBe(meta.sha256);
      expect(registry.hash(name)).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('return the serialized root element without an XML declaration', () => {
    const dc = registry.transform('oai_dc', SELF_TEST_RECORD);
    expect(dc).toMatch(/^<oai_dc:dc xmlns:dc="http:\/\/purl.org\/dc\/elements\/1.1\/"/);
    expect(dc).toContain('<dc:title>Self-test</dc:title>');
    expect(registry.transform('mods', SELF_TEST_RECORD)).toMatch(/^<mods [^>]*version="3.7"/);
  });

  it('put the non-filing characters of a title in nonSort (MODS) and keep them in dc:title', () => {
    const record = SELF_TEST_RECORD.replace('ind2="0"><subfield code="a">Self-test.', 'ind2="4"><subfield code="a">The test /');
    expect(registry.transform('mods', record))
      .toContain('<nonSort xml:space="preserve">The </nonSort><title>test</title>');
    expect(registry.transform('oai_dc', record)).toContain('<dc:title>The test</dc:title>');
  });

  it('escape markup characters of the data', () => {
    const record = SELF_TEST_RECORD.replace('Self-test.', 'A &lt;b&gt; &amp; "c"');
    expect(registry.transform('oai_dc', record)).toContain('<dc:title>A &lt;b&gt; &amp; "c"</dc:title>');
  });

  it('throw a typed error for input that is not MARCXML, and keep working', () => {
    for (const bad of ['not xml', '<record>unclosed', '<record xmlns="urn:other"/>']) {
      const error = (() => {
        try {
          registry.transform('mods', bad);
          return undefined;
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(TransformError);
      expect(error).toMatchObject({ code: 'bad-input', crosswalk: 'mods' });
    }
    expect(registry.transform('mods', SELF_TEST_RECORD)).toMatch(/^<mods /);
  });

  it('throw a typed error for an unknown crosswalk', () => {
    expect(() => registry.transform('marc21', SELF_TEST_RECORD)).toThrow(TransformError);
    expect(() => registry.hash('marc21')).toThrow(expect.objectContaining({ code: 'unknown-crosswalk' }));
  });

  it('isolate a bad record in a batch', () => {
    const results = registry.transformMany('oai_dc', [SELF_TEST_RECORD, 'not xml', SELF_TEST_RECORD]);
    expect(results[0]).toBe(registry.transform('oai_dc', SELF_TEST_RECORD));
    expect(results[1]).toBeInstanceOf(TransformError);
    expect(results[2]).toBe(results[0]);
  });

  it('take the first record of a collection', () => {
    const collection = `<collection xmlns="http://www.loc.gov/MARC21/slim">${SELF_TEST_RECORD.replace(' xmlns="http://www.loc.gov/MARC21/slim"', '')}</collection>`;
    expect(registry.transform('srw_dc', collection)).toBe(registry.transform('srw_dc', SELF_TEST_RECORD));
  });
});
