/**
 * The metadata formats of config `oai.formats` as the provider uses them. A format with xsl_file is
 * produced by the crosswalk named `oai:<prefix>` (loaded at start-up by main.ts from the file the
 * config names); one without is the stored MARCXML itself.
 */
import path from 'node:path';
import type { Config } from '../config/schema.js';
import type { CrosswalkSpec } from '../crosswalk/registry.js';

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

/** The crosswalks OAI formats need, with xsl_file resolved against the config file's directory. */
export function oaiCrosswalkSpecs(config: Config, configDir: string): CrosswalkSpec[] {
  if (!config.oai.enabled) return [];
  return Object.values(config.oai.formats)
    .filter((f) => f.xsl_file !== undefined)
    .map((f) => ({ name: crosswalkNameFor(f.metadataPrefix), xslFile: path.resolve(configDir, f.xsl_file!) }));
}
