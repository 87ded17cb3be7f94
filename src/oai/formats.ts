/**
 * The metadata formats of config `oai.formats` as the provider uses them. A format with xsl_file is
 * produced by the crosswalk named `oai:<prefix>` (loaded at start-up by main.ts from the file the
 * config names); one without is the stored MARCXML itself.
 */
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { BUILTIN_CROSSWALKS } from '../crosswalk/builtin.js';
import { loadCrosswalks, withAliases, type CrosswalkLog, type CrosswalkRegistry, type CrosswalkSpec } from '../crosswalk/registry.js';

export interface OaiFormatInfo {
  readonly prefix: string;
  readonly namespace: string;
  readonly schema: string;
  readonly includeItems: boolean;
  /** Crosswalk name in deps.crosswalks, or undefined for MARCXML straight from the store. */
  readonly crosswalk: string | undefined;
}

export function crosswalkNameFor(prefix: string): string {
  return `oai:${prefix}`;
}

export function oaiFormats(config: Config): OaiFormatInfo[] {
  return Object.values(config.oai.formats).map((f) => ({
    prefix: f.metadataPrefix,
    namespace: f.metadataNamespace,
    schema: f.schema,
    includeItems: f.include_items,
    crosswalk: f.xsl_file === undefined ? undefined : crosswalkNameFor(f.metadataPrefix),
  }));
}

export interface OaiCrosswalkPlan {
  /** Stylesheets to load in addition to the given ones. */
  readonly specs: CrosswalkSpec[];
  /** `oai:<prefix>` -> the name of an already listed crosswalk with the same file (see withAliases). */
  readonly aliases: Map<string, string>;
}

/**
 * The crosswalks OAI formats need, with xsl_file resolved against the config file's directory; a
 * file already in `loaded` (the built-in crosswalks, resolved against `rootDir`) becomes an alias.
 */
export function oaiCrosswalkPlan(config: Config, configDir: string, loaded: readonly CrosswalkSpec[], rootDir: string): OaiCrosswalkPlan {
  const specs: CrosswalkSpec[] = [];
  const aliases = new Map<string, string>();
  if (!config.oai.enabled) return { specs, aliases };
  const byFile = new Map(loaded.map((spec) => [path.resolve(rootDir, spec.xslFile), spec.name]));
  for (const format of Object.values(config.oai.formats)) {
    if (format.xsl_file === undefined) continue;
    const name = crosswalkNameFor(format.metadataPrefix);
    const file = path.resolve(configDir, format.xsl_file);
    const same = byFile.get(file);
    if (same !== undefined) aliases.set(name, same);
    else specs.push({ name, xslFile: file });
  }
  return { specs, aliases };
}

/**
 * The gateway's crosswalks: the built-in ones (SRU) and the OAI formats' stylesheets (xsl_file,
 * relative to the config file's directory). A missing or broken stylesheet throws a CrosswalkError
 * naming the file. Used by `serve`, `precompute` and its worker threads.
 */
export async function loadGatewayCrosswalks(config: Config, configDir: string, rootDir: string, log?: CrosswalkLog): Promise<CrosswalkRegistry> {
  const plan = oaiCrosswalkPlan(config, configDir, BUILTIN_CROSSWALKS, rootDir);
  return withAliases(await loadCrosswalks([...BUILTIN_CROSSWALKS, ...plan.specs], { rootDir, ...(log ? { log } : {}) }), plan.aliases);
}
