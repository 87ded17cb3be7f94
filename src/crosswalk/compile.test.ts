import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  checkSef, compileAll, ensureCompiled, isTopLevelStylesheet, metaFileFor, readStylesheetSources, sefFileFor,
  type SefMeta,
} from './compile.js';
import { CrosswalkError } from './errors.js';

const XSL = 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"';
const stylesheet = (body: string): string => `<xsl:stylesheet version="3.0" ${XSL}>\n${body}\n</xsl:stylesheet>\n`;

let dir: string;
const file = (name: string): string => path.join(dir, name);
const write = (name: string, text: string): string => {
  writeFileSync(file(name), text);
  return file(name);
};

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'libgate-compile-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('isTopLevelStylesheet', () => {
  it('takes *.xsl files and leaves out _modules and other files', () => {
    expect(isTopLevelStylesheet('xslt/marc21-to-mods.xsl')).toBe(true);
    expect(isTopLevelStylesheet('xslt/_marc-utils.xsl')).toBe(false);
    expect(isTopLevelStylesheet('xslt/README.md')).toBe(false);
  });
});

describe('file names', () => {
  it('puts <name>.sef.json and <name>.sef.meta.json in the SEF directory', () => {
    const sef = sefFileFor('/src/xslt/marc21-to-oai_dc.xsl', '/out');
    expect(sef).toBe(path.join('/out', 'marc21-to-oai_dc.sef.json'));
    expect(metaFileFor(sef)).toBe(path.join('/out', 'marc21-to-oai_dc.sef.meta.json'));
  });
});

describe('readStylesheetSources', () => {
  it('follows xsl:include and xsl:import, each module once, and hashes them all', async () => {
    write('_b.xsl', stylesheet('<xsl:include href="_c.xsl"/>'));
    write('_c.xsl', stylesheet(''));
    const main = write('main.xsl', stylesheet('<xsl:include href="_b.xsl"/>\n<xsl:import href=\'_c.xsl\'/>'));
    const sources = await readStylesheetSources(main);
    expect(sources.sources.map((s) => s.path)).toEqual(['main.xsl', '_b.xsl', '_c.xsl']);
    expect(sources.sha256).toMatch(/^[0-9a-f]{64}$/);

    write('_c.xsl', stylesheet('<!-- changed -->'));
    expect((await readStylesheetSources(main)).sha256).not.toBe(sources.sha256);
  });

  it('ignores includes inside comments', async () => {
    const main = write('main.xsl', stylesheet('<!-- <xsl:include href="_gone.xsl"/> -->'));
    expect((await readStylesheetSources(main)).files).toHaveLength(1);
  });

  it('names the stylesheet that cannot be read', async () => {
    await expect(readStylesheetSources(file('absent.xsl'))).rejects.toMatchObject({
      code: 'missing-stylesheet',
      file: file('absent.xsl'),
    });
  });

  it('names a missing module and the stylesheet that includes it', async () => {
    const main = write('main.xsl', stylesheet('<xsl:include href="_gone.xsl"/>'));
    const error = await readStylesheetSources(main).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrosswalkError);
    expect(error).toMatchObject({ code: 'missing-stylesheet', file: file('_gone.xsl') });
    expect((error as Error).message).toContain(main);
  });
});

describe('checkSef', () => {
  const meta = (sha256: string, compiler = 'xslt3 9.9.9'): SefMeta =>
    ({ stylesheet: 'main.xsl', sha256, sources: [], compiler });

  it('says why a SEF is stale, and passes a fresh one', async () => {
    const main = write('main.xsl', stylesheet(''));
    const sources = await readStylesheetSources(main);
    const sef = file('main.sef.json');
    expect(await checkSef(sources, sef)).toEqual({ stale: true, reason: 'not compiled yet' });

    writeFileSync(sef, '{}');
    expect(await checkSef(sources, sef)).toMatchObject({ stale: true, reason: 'no readable .sef.meta.json' });

    writeFileSync(metaFileFor(sef), JSON.stringify(meta('0'.repeat(64))));
    expect(await checkSef(sources, sef)).toMatchObject({ stale: true, reason: 'sources changed' });

    writeFileSync(metaFileFor(sef), JSON.stringify(meta(sources.sha256)));
    expect(await checkSef(sources, sef)).toMatchObject({ stale: false });
    expect(await checkSef(sources, sef, { compiler: 'xslt3 1.0.0' })).toMatchObject({ stale: true });

    const later = new Date(Date.now() + 60_000);
    utimesSync(main, later, later);
    expect(await checkSef(sources, sef)).toMatchObject({ stale: false });
    expect(await checkSef(sources, sef, { useMtime: true })).toMatchObject({ stale: true, reason: 'main.xsl is newer' });
  });
});

describe('ensureCompiled and compileAll', () => {
  it('compiles once, writes the hash beside the SEF, and reuses a fresh SEF', async () => {
    write('_m.xsl', stylesheet('<xsl:variable name="x" select="1"/>'));
    const main = write('main.xsl', stylesheet('<xsl:include href="_m.xsl"/><xsl:template match="/"><out/></xsl:template>'));
    const out = path.join(dir, 'sef');
    const first = await ensureCompiled(main, out);
    expect(first.compiledBecause).toBe('not compiled yet');
    const meta = JSON.parse(readFileSync(metaFileFor(first.sefFile), 'utf8')) as SefMeta;
    expect(meta.sha256).toBe((await readStylesheetSources(main)).sha256);
    expect(meta.sources.map((s) => s.path)).toEqual(['main.xsl', '_m.xsl']);
    expect(meta.compiler).toMatch(/^xslt3 \d/);

    const second = await ensureCompiled(main, out);
    expect(second.compiledBecause).toBeUndefined();
    expect(second.meta).toEqual(meta);
  }, 300_000);

  it('compiles every top-level stylesheet and reports each failure by file', async () => {
    write('_m.xsl', stylesheet('<xsl:template name="t"><xsl:value-of select="1 +"/></xsl:template>'));
    write('good.xsl', stylesheet('<xsl:template match="/"><out/></xsl:template>'));
    write('bad.xsl', stylesheet('<xsl:template match="/"><xsl:value-of select="("/></xsl:template>'));
    const out = path.join(dir, 'sef');
    const { results, failures } = await compileAll(dir, out);
    expect(results.map((r) => path.basename(r.xslFile))).toEqual(['good.xsl']);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ code: 'compile-failed', file: file('bad.xsl') });
    expect(failures[0]?.message).toContain('bad.xsl');
  }, 300_000);

  it('refuses to compile when compiling is disabled', async () => {
    const main = write('main.xsl', stylesheet('<xsl:template match="/"><out/></xsl:template>'));
    await expect(ensureCompiled(main, path.join(dir, 'sef'), { compile: false }))
      .rejects.toMatchObject({ code: 'not-compiled', file: main });
  });
});
