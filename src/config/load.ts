import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { configSchema, type Config } from './schema.js';

/** A configuration problem: the message names the file and the key path (e.g. `server.port`). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Settings that may come from the environment instead of the file (secrets, deployment). */
export interface ConfigOverrides {
  databaseUrl?: string | undefined;
  /** OAI-PMH resumption token key (LIBGATE_OAI_TOKEN_SECRET). */
  oaiTokenSecret?: string | undefined;
  port?: number | undefined;
}

export interface LoadedConfig {
  readonly config: Config;
  /** Absolute path of the file read, or undefined when only defaults were used. */
  readonly file: string | undefined;
  /** Directory that relative paths in the config are resolved against: the config file's own directory. */
  readonly baseDir: string;
}

/** Reads, validates and freezes a config file. Throws ConfigError listing every problem. */
export function loadConfigFile(file: string, overrides: ConfigOverrides = {}): LoadedConfig {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${absolute}: ${(error as Error).message}`);
  }
  return parseConfig(text, absolute, overrides);
}

/** Validates YAML text; `source` is only used in messages and to resolve relative paths. */
export function parseConfig(text: string, source: string, overrides: ConfigOverrides = {}): LoadedConfig {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ConfigError(`${source}: invalid YAML: ${document.errors.map((e) => e.message).join('; ')}`);
  }
  const raw = (document.toJS() ?? {}) as Record<string, unknown>;
  return fromObject(raw, source, overrides);
}

export function fromObject(raw: unknown, source: string, overrides: ConfigOverrides = {}): LoadedConfig {
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(`${source}: ${describeIssues(result.error.issues)}`);
  const config = applyOverrides(result.data, overrides);
  return { config: deepFreeze(config), file: source, baseDir: path.dirname(path.resolve(source)) };
}

function applyOverrides(config: z.infer<typeof configSchema>, overrides: ConfigOverrides): Config {
  const copy = structuredClone(config);
  if (overrides.databaseUrl) copy.database.url = overrides.databaseUrl;
  if (overrides.port !== undefined) copy.server.port = overrides.port;
  if (overrides.oaiTokenSecret) copy.oai.tokenSecret = overrides.oaiTokenSecret;
  const baseUrl = (copy.server.baseUrl ?? `http://localhost:${copy.server.port}`).replace(/\/+$/, '');
  return { ...copy, server: { ...copy.server, baseUrl } };
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const keyPath = issue.path.map(String).join('.') || '(top level)';
      if (issue.code === 'unrecognized_keys') {
        const base = issue.path.length > 0 ? `${keyPath}.` : '';
        return issue.keys.map((key) => `${base}${key}: unknown key`).join('; ');
      }
      return `${keyPath}: ${issue.message}`;
    })
    .join('; ');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}
