/**
 * The crosswalks a running gateway offers: each compiled stylesheet (SEF) is loaded once at
 * start-up and then run synchronously per record with SaxonJS.
 *
 * Start-up contract: loadCrosswalks either returns a registry in which every crosswalk has been
 * compiled, loaded and run once on a minimal record, or throws a CrosswalkError naming the
 * stylesheet. Serving contract: transform() throws only TransformError; the caller logs it and
 * skips the record.
 *
 * Speed (see test/bench notes in xslt/README.md): the fastest correct way found to run SaxonJS 2
 * is to keep the parsed SEF object and pass it as `stylesheetInternal` (SaxonJS caches its
 * compiled expression closures on that object) with the record as `sourceText`; reading the SEF
 * per call (`stylesheetFileName`, `stylesheetText`) is 2-3 times slower, and parsing the record
 * ourselves first (`sourceNode`) gains nothing. SaxonJS still re-walks the whole SEF for every
 * transformation, so transformMany() runs a list of records through one transformation
 * (the stylesheets' `lg:batch` entry point) when the stylesheet offers it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type SaxonJSModule from 'saxon-js';
import { ensureCompiled } from './compile.js';
import { CrosswalkError, TransformError } from './errors.js';

export interface CrosswalkSpec {
  /** The format name callers use, e.g. "oai_dc", "mods". */
  readonly name: string;
  /** The stylesheet, relative to LoadCrosswalksOptions.rootDir (e.g. "xslt/marc21-to-mods.xsl"). */
  readonly xslFile: string;
}

/** Receives one line per stylesheet compiled at start-up (pino's logger.info fits). */
export interface CrosswalkLog {
  info(message: string): void;
}

export interface LoadCrosswalksOptions {
  /** Directory the specs' xslFile paths are relative to (the repository or install root). */
  readonly rootDir: string;
  /** Where compiled stylesheets live; default `<rootDir>/dist/xslt` (where `npm run build` writes). */
  readonly sefDir?: string;
  /**
   * Compile a missing or stale SEF at start-up with the xslt3 package (a dev dependency);
   * default true. With false, a missing or stale SEF is a start-up error.
   */
  readonly compile?: boolean;
  readonly log?: CrosswalkLog;
}

export interface CrosswalkInfo {
  readonly name: string;
  readonly xslFile: string;
  readonly sefFile: string;
  /** SHA-256 of the stylesheet and its modules (see compile.ts). */
  readonly sha256: string;
  /** Whether transformMany can run a whole list in one transformation. */
  readonly batch: boolean;
}

export interface CrosswalkRegistry {
  readonly names: readonly string[];
  has(name: string): boolean;
  /**
   * Transforms one MARCXML record (a `<record>` in the MARC21/slim namespace, or a collection
   * whose first record is used) and returns the serialized result element, without XML
   * declaration. Throws TransformError.
   */
  transform(name: string, marcxml: string): string;
  /**
   * Transforms several records; the result has one entry per input, in order: the serialized
   * element, or the TransformError of that record. Throws only for an unknown crosswalk.
   */
  transformMany(name: string, records: readonly string[]): Array<string | TransformError>;
  /** The stylesheet hash (the crosswalk's version). Throws TransformError for an unknown name. */
  hash(name: string): string;
  info(name: string): CrosswalkInfo;
}

const LG = 'urn:x-libgate:xslt';
const BATCH_TEMPLATE = `Q{${LG}}batch`;
const BATCH_PARAM = `Q{${LG}}records`;
/** Error code the stylesheets raise for input that is not a MARCXML record. */
const NOT_MARC = `Q{${LG}}NOTMARC`;
const XML_DECLARATION = /^<\?xml[^>]*\?>\s*/;
/** SaxonJS: the source is not well-formed XML. */
const NOT_WELL_FORMED = 'FODC0002';

/** The record every crosswalk must transform at start-up. */
export const SELF_TEST_RECORD =
  '<record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000nam a2200000 a 4500</leader>'
  + '<controlfield tag="008">000101s2000    xx            000 0 eng d</controlfield>'
  + '<datafield tag="245" ind1="0" ind2="0"><subfield code="a">Self-test.</subfield></datafield></record>';

interface Loaded {
  readonly info: CrosswalkInfo;
  readonly sef: unknown;
}

/**
 * SaxonJS, loaded by loadCrosswalks: it is about 85 MB of resident memory, which commands that run
 * no stylesheet (import, delete, migrate) do not pay for.
 */
let SaxonJS: typeof SaxonJSModule;

const ignoreMessages = (): void => {};

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function runOne(name: string, sef: unknown, marcxml: string): string {
  let result: unknown;
  try {
    result = SaxonJS.transform(
      { stylesheetInternal: sef, sourceText: marcxml, destination: 'serialized', deliverMessage: ignoreMessages },
      'sync',
    ).principalResult;
  } catch (error) {
    const code = errorCode(error);
    const kind = code === NOT_MARC || code === NOT_WELL_FORMED ? 'bad-input' : 'failed';
    throw new TransformError(kind, name, `${name}: ${(error as Error).message}`, { cause: error });
  }
  if (typeof result !== 'string' || result.length === 0) {
    throw new TransformError('failed', name, `${name}: the stylesheet produced no output`);
  }
  // The built-in stylesheets omit it already; others may not.
  return result.startsWith('<?xml') ? result.replace(XML_DECLARATION, '') : result;
}

/** One transformation for the whole list (lg:batch); throws on any error. */
function runBatch(sef: unknown, records: readonly string[]): unknown {
  return SaxonJS.transform(
    {
      stylesheetInternal: sef,
      initialTemplate: BATCH_TEMPLATE,
      stylesheetParams: { [BATCH_PARAM]: [...records] },
      destination: 'raw',
      deliverMessage: ignoreMessages,
    },
    'sync',
  ).principalResult;
}

function asStrings(value: unknown, length: number): string[] | undefined {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.length === length && list.every((v) => typeof v === 'string') ? (list as string[]) : undefined;
}

async function loadOne(spec: CrosswalkSpec, options: LoadCrosswalksOptions, sefDir: string): Promise<Loaded> {
  const xslFile = path.resolve(options.rootDir, spec.xslFile);
  const ensured = await ensureCompiled(xslFile, sefDir, { compile: options.compile ?? true });
  if (ensured.compiledBecause !== undefined) {
    options.log?.info(`crosswalk ${spec.name}: compiled ${spec.xslFile} (${ensured.compiledBecause})`);
  }
  let sef: unknown;
  try {
    sef = JSON.parse(await readFile(ensured.sefFile, 'utf8'));
  } catch (error) {
    throw new CrosswalkError('bad-sef', ensured.sefFile,
      `crosswalk ${spec.name}: cannot read ${ensured.sefFile} (delete it and run npm run build): ${(error as Error).message}`,
      { cause: error });
  }
  let single: string;
  try {
    single = runOne(spec.name, sef, SELF_TEST_RECORD);
  } catch (error) {
    const cause = (error as Error).cause;
    const badFormat = errorCode(cause) === 'SXJS0006';
    throw new CrosswalkError(badFormat ? 'bad-sef' : 'self-test-failed', badFormat ? ensured.sefFile : xslFile,
      `crosswalk ${spec.name} (${xslFile}) fails on a minimal record: ${(error as Error).message}`, { cause: error });
  }
  let batch = false;
  try {
    batch = asStrings(runBatch(sef, [SELF_TEST_RECORD]), 1)?.[0] === single;
  } catch {
    batch = false; // no lg:batch entry point: transformMany falls back to one call per record
  }
  return {
    sef,
    info: { name: spec.name, xslFile, sefFile: ensured.sefFile, sha256: ensured.meta.sha256, batch },
  };
}

/**
 * Compiles (when needed) and loads every crosswalk, checking each on a minimal record.
 * Throws CrosswalkError naming the stylesheet on the first one that cannot be made ready.
 */
export async function loadCrosswalks(
  specs: readonly CrosswalkSpec[],
  options: LoadCrosswalksOptions,
): Promise<CrosswalkRegistry> {
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.name)) {
      throw new CrosswalkError('duplicate-name', spec.xslFile, `crosswalk name ${spec.name} is used twice (${spec.xslFile})`);
    }
    seen.add(spec.name);
  }
  // SaxonJS prints an XSLT stack trace on stderr for every dynamic error, even when the caller
  // catches it; here every error becomes a TransformError the caller logs, so silence SaxonJS
  // (a process-wide setting: libgate runs SaxonJS only through this module).
  SaxonJS ??= (await import('saxon-js')).default;
  SaxonJS.setLogLevel(0);
  const sefDir = path.resolve(options.rootDir, options.sefDir ?? path.join('dist', 'xslt'));
  const loaded = new Map<string, Loaded>();
  // One after the other: compiles are CPU-bound and start-up order of errors stays deterministic.
  for (const spec of specs) {
    loaded.set(spec.name, await loadOne(spec, options, sefDir));
  }

  const get = (name: string): Loaded => {
    const entry = loaded.get(name);
    if (entry === undefined) throw new TransformError('unknown-crosswalk', name, `no crosswalk named ${name}`);
    return entry;
  };

  return {
    names: [...loaded.keys()],
    has: (name) => loaded.has(name),
    transform: (name, marcxml) => runOne(name, get(name).sef, marcxml),
    transformMany: (name, records) => {
      const entry = get(name);
      if (entry.info.batch && records.length > 1) {
        try {
          const out = asStrings(runBatch(entry.sef, records), records.length);
          if (out !== undefined) return out;
        } catch {
          // one bad record fails the whole transformation: redo one by one to isolate it
        }
      }
      return records.map((record) => {
        try {
          return runOne(name, entry.sef, record);
        } catch (error) {
          return error as TransformError;
        }
      });
    },
    hash: (name) => get(name).info.sha256,
    info: (name) => get(name).info,
  };
}

/** A registry without crosswalks: for commands that never disseminate (import, delete, migrate). */
export function noCrosswalks(): CrosswalkRegistry {
  const unknown = (name: string): never => {
    throw new TransformError('unknown-crosswalk', name, `no crosswalk named ${name}`);
  };
  return { names: [], has: () => false, transform: unknown, transformMany: unknown, hash: unknown, info: unknown };
}

/**
 * The same registry with extra names for loaded crosswalks (alias -> target), so a stylesheet that
 * two layers ask for under different names (OAI's `oai:oai_dc` and SRU's `oai_dc`) is loaded once.
 */
export function withAliases(registry: CrosswalkRegistry, aliases: ReadonlyMap<string, string>): CrosswalkRegistry {
  if (aliases.size === 0) return registry;
  const target = (name: string) => aliases.get(name) ?? name;
  return {
    names: [...registry.names, ...aliases.keys()],
    has: (name) => registry.has(target(name)),
    transform: (name, marcxml) => registry.transform(target(name), marcxml),
    transformMany: (name, records) => registry.transformMany(target(name), records),
    hash: (name) => registry.hash(target(name)),
    info: (name) => registry.info(target(name)),
  };
}
