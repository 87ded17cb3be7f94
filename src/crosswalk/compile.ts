/**
 * Compiling crosswalk stylesheets (XSLT) to SEF files with the xslt3 package, shared by the build
 * (scripts/compile-xslt.js) and by loadCrosswalks at start-up.
 *
 * Layout: xslt/<name>.xsl -> <sefDir>/<name>.sef.json plus <name>.sef.meta.json, which records the
 * SHA-256 of the stylesheet and of every module it includes or imports. That hash is the
 * crosswalk's version: the OAI provider uses it to bump datestamps and drop cached disseminations
 * when a stylesheet changes (OAI-PMH §2.7.1, "change a record's datestamp whenever its XML
 * dissemination would change").
 *
 * Convention: a file whose name starts with "_" (xslt/_marc-utils.xsl) is a module for
 * xsl:include/xsl:import and is never compiled on its own.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CrosswalkError } from './errors.js';

export const MODULE_PREFIX = '_';

/** True for `*.xsl` files that are stylesheets in their own right (not `_module.xsl`). */
export function isTopLevelStylesheet(file: string): boolean {
  const base = path.basename(file);
  return base.endsWith('.xsl') && !base.startsWith(MODULE_PREFIX);
}

/** Absolute paths of the top-level stylesheets in a directory, sorted. */
export async function listStylesheets(xslDir: string): Promise<string[]> {
  const names = await readdir(xslDir);
  return names.filter(isTopLevelStylesheet).sort().map((name) => path.resolve(xslDir, name));
}

/** `<sefDir>/<name>.sef.json` for `.../<name>.xsl`. */
export function sefFileFor(xslFile: string, sefDir: string): string {
  return path.join(sefDir, `${path.basename(xslFile, '.xsl')}.sef.json`);
}

/** `<name>.sef.meta.json` beside `<name>.sef.json`. */
export function metaFileFor(sefFile: string): string {
  return sefFile.replace(/\.json$/, '.meta.json');
}

export interface SourceFile {
  /** Path relative to the directory of the top-level stylesheet, with "/" separators. */
  readonly path: string;
  readonly sha256: string;
}

export interface StylesheetSources {
  /** Absolute paths: the stylesheet first, then its modules depth-first, each once. */
  readonly files: readonly string[];
  readonly sources: readonly SourceFile[];
  /** SHA-256 over every source's relative path and SHA-256, in order: the crosswalk's version. */
  readonly sha256: string;
}

/** What <name>.sef.meta.json holds. */
export interface SefMeta {
  /** File name of the top-level stylesheet. */
  readonly stylesheet: string;
  readonly sha256: string;
  readonly sources: readonly SourceFile[];
  /** "xslt3 <version>" that produced the SEF. */
  readonly compiler: string;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** Hrefs of the xsl:include and xsl:import declarations of a stylesheet (comments ignored). */
function moduleHrefs(text: string): string[] {
  const code = text.replace(/<!--[\s\S]*?-->/g, '');
  const hrefs: string[] = [];
  for (const match of code.matchAll(/<xsl:(?:include|import)\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1/g)) {
    hrefs.push(match[2] ?? '');
  }
  return hrefs;
}

/**
 * Reads a stylesheet and, recursively, the modules it includes or imports, and hashes them.
 * Throws CrosswalkError 'missing-stylesheet' naming the file that cannot be read.
 */
export async function readStylesheetSources(xslFile: string): Promise<StylesheetSources> {
  const main = path.resolve(xslFile);
  const baseDir = path.dirname(main);
  const files: string[] = [];
  const sources: SourceFile[] = [];

  const visit = async (file: string, includedFrom: string | undefined): Promise<void> => {
    if (files.includes(file)) return;
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch (error) {
      const from = includedFrom === undefined ? '' : ` (included from ${includedFrom})`;
      throw new CrosswalkError('missing-stylesheet', file,
        `stylesheet not found or unreadable: ${file}${from}: ${(error as Error).message}`, { cause: error });
    }
    files.push(file);
    sources.push({ path: path.relative(baseDir, file).split(path.sep).join('/'), sha256: sha256(data) });
    for (const href of moduleHrefs(data.toString('utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
        throw new CrosswalkError('compile-failed', file,
          `${file}: module ${href} is not a relative path (remote modules are not supported)`);
      }
      await visit(path.resolve(path.dirname(file), href), file);
    }
  };

  await visit(main, undefined);
  const combined = sha256(sources.map((s) => `${s.path}\n${s.sha256}\n`).join(''));
  return { files, sources, sha256: combined };
}

const require = createRequire(import.meta.url);

/** The xslt3 command-line script, or undefined when the package is not installed (production). */
export function xslt3Cli(): string | undefined {
  try {
    return require.resolve('xslt3/xslt3.js');
  } catch {
    return undefined;
  }
}

/** "xslt3 <version>", or undefined when the package is not installed. */
export function compilerVersion(): string | undefined {
  try {
    const pkg = require('xslt3/package.json') as { version: string };
    return `xslt3 ${pkg.version}`;
  } catch {
    return undefined;
  }
}

export type Freshness = { readonly stale: false; readonly meta: SefMeta } | { readonly stale: true; readonly reason: string };

export interface FreshnessOptions {
  /** Also call the SEF stale when a source file is newer than it (the build does; start-up does not). */
  readonly useMtime?: boolean;
  /** Call the SEF stale when another compiler version made it (omit to ignore the version). */
  readonly compiler?: string | undefined;
}

async function mtimeMs(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Whether the SEF of a stylesheet is present and matches its sources. Never throws for a bad SEF. */
export async function checkSef(sources: StylesheetSources, sefFile: string, options: FreshnessOptions = {}): Promise<Freshness> {
  const sefTime = await mtimeMs(sefFile);
  if (sefTime === undefined) return { stale: true, reason: 'not compiled yet' };
  let meta: SefMeta;
  try {
    meta = JSON.parse(await readFile(metaFileFor(sefFile), 'utf8')) as SefMeta;
  } catch {
    return { stale: true, reason: 'no readable .sef.meta.json' };
  }
  if (meta.sha256 !== sources.sha256) return { stale: true, reason: 'sources changed' };
  if (options.compiler !== undefined && meta.compiler !== options.compiler) {
    return { stale: true, reason: `compiled by ${meta.compiler}, now ${options.compiler}` };
  }
  if (options.useMtime) {
    for (const file of sources.files) {
      const time = await mtimeMs(file);
      if (time !== undefined && time > sefTime) return { stale: true, reason: `${path.basename(file)} is newer` };
    }
  }
  return { stale: false, meta };
}

/** Writes a file through a temporary name in the same directory, so readers never see half of it. */
async function writeAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await write(tmp);
    await rename(tmp, file);
  } finally {
    await rm(tmp, { force: true });
  }
}

function runNode(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) || (error?.message ?? '') });
    });
  });
}

/**
 * Compiles a stylesheet with `xslt3 -xsl:<file> -export:<sef> -nogo -relocate:on` and writes the
 * SEF and its meta file. Throws CrosswalkError 'not-compiled' (xslt3 missing) or 'compile-failed'
 * with the compiler's message; the message always names the stylesheet.
 */
export async function compileStylesheet(sources: StylesheetSources, sefFile: string): Promise<SefMeta> {
  const xslFile = sources.files[0] ?? '';
  const cli = xslt3Cli();
  const compiler = compilerVersion();
  if (cli === undefined || compiler === undefined) {
    throw new CrosswalkError('not-compiled', xslFile,
      `${xslFile}: no up-to-date ${path.basename(sefFile)} and the xslt3 package is not installed to compile it (run npm run build)`);
  }
  await mkdir(path.dirname(sefFile), { recursive: true });
  await writeAtomically(sefFile, async (tmp) => {
    const result = await runNode([cli, `-xsl:${xslFile}`, `-export:${tmp}`, '-nogo', '-relocate:on']);
    let text: string | undefined;
    try {
      text = await readFile(tmp, 'utf8');
    } catch {
      text = undefined;
    }
    if (result.code !== 0 || text === undefined || text.length === 0) {
      const detail = result.stderr.trim() || result.stdout.trim() || `exit code ${result.code}`;
      throw new CrosswalkError('compile-failed', xslFile, `cannot compile ${xslFile}:\n${detail}`);
    }
    try {
      JSON.parse(text);
    } catch (error) {
      throw new CrosswalkError('compile-failed', xslFile, `cannot compile ${xslFile}: xslt3 wrote an unreadable SEF`, { cause: error });
    }
  });
  const meta: SefMeta = {
    stylesheet: path.basename(xslFile),
    sha256: sources.sha256,
    sources: sources.sources,
    compiler,
  };
  const metaFile = metaFileFor(sefFile);
  await writeAtomically(metaFile, (tmp) => writeFile(tmp, `${JSON.stringify(meta, null, 2)}\n`));
  return meta;
}

export interface EnsureResult {
  readonly xslFile: string;
  readonly sefFile: string;
  /** Why it was (re)compiled; undefined when the SEF was already up to date. */
  readonly compiledBecause: string | undefined;
  readonly meta: SefMeta;
}

/** Compiles the stylesheet when its SEF is missing or stale; returns its meta either way. */
export async function ensureCompiled(
  xslFile: string,
  sefDir: string,
  options: FreshnessOptions & { readonly compile?: boolean } = {},
): Promise<EnsureResult> {
  const sources = await readStylesheetSources(xslFile);
  const main = sources.files[0] ?? path.resolve(xslFile);
  const sefFile = sefFileFor(main, sefDir);
  const freshness = await checkSef(sources, sefFile, options);
  if (!freshness.stale) return { xslFile: main, sefFile, compiledBecause: undefined, meta: freshness.meta };
  if (options.compile === false) {
    throw new CrosswalkError('not-compiled', main,
      `${main}: ${path.basename(sefFile)} is out of date (${freshness.reason}) and compiling at start-up is disabled (run npm run build)`);
  }
  const meta = await compileStylesheet(sources, sefFile);
  return { xslFile: main, sefFile, compiledBecause: freshness.reason, meta };
}

export interface CompileAllResult {
  readonly results: readonly EnsureResult[];
  readonly failures: readonly CrosswalkError[];
}

/** ensureCompiled for every top-level stylesheet of a directory; failures are collected, not thrown. */
export async function compileAll(xslDir: string, sefDir: string, options: FreshnessOptions = {}): Promise<CompileAllResult> {
  const stylesheets = await listStylesheets(xslDir);
  const outcomes = await Promise.all(stylesheets.map(async (file) => {
    try {
      return await ensureCompiled(file, sefDir, options);
    } catch (error) {
      if (error instanceof CrosswalkError) return error;
      return new CrosswalkError('compile-failed', file, `cannot compile ${file}: ${(error as Error).message}`, { cause: error });
    }
  }));
  return {
    results: outcomes.filter((o): o is EnsureResult => !(o instanceof CrosswalkError)),
    failures: outcomes.filter((o): o is CrosswalkError => o instanceof CrosswalkError),
  };
}
