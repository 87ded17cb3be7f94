import type { IndexConfig, SourceSpec } from '../config/sections/indexes.js';

/** A parsed MARC source of an index. */
export interface CompiledSource {
  /** Tag with `X` as a digit wildcard, or 'LDR'. */
  readonly tag: string;
  readonly tagPattern: RegExp;
  /** Subfield codes to take; undefined = all. */
  readonly subfields: string | undefined;
  /** Character range of a control field or the leader (0-based, inclusive). */
  readonly range: readonly [number, number] | undefined;
  readonly ind1: string | undefined;
  readonly ind2: string | undefined;
}

export interface CompiledIndex {
  readonly name: string;
  readonly config: IndexConfig;
  /** Empty = every data field (the "anywhere" index). */
  readonly sources: readonly CompiledSource[];
  readonly anywhere: boolean;
  /** Word lexemes are written for `words` indexes (word, phrase-in-field and masking queries). */
  readonly hasWords: boolean;
  /** Whole-value keys are written for every index but `anywhere` (==, ranges, scan, sort, case checks). */
  readonly hasKeys: boolean;
}

export type IndexMap = readonly CompiledIndex[];

const SPEC = /^(LDR|[0-9X]{3})(?:\$([0-9a-z]+)|\/(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** Parses the `indexes` section once at start-up. Throws on a spec the schema let through but that cannot work. */
export function compileIndexMap(indexes: Readonly<Record<string, IndexConfig>>): IndexMap {
  return Object.entries(indexes)
    .filter(([, config]) => !config.recordId)
    .map(([name, config]) => {
      const sources = config.sources.map((spec) => compileSource(name, spec));
      const anywhere = sources.length === 0;
      return {
        name,
        config,
        sources,
        anywhere,
        hasWords: config.type === 'words',
        hasKeys: !anywhere,
      };
    });
}

function compileSource(indexName: string, spec: SourceSpec): CompiledSource {
  const text = typeof spec === 'string' ? spec : spec.field;
  const match = SPEC.exec(text);
  if (!match) throw new Error(`indexes.${indexName}: bad source ${text}`);
  const [, tag = '', subfields, start, end] = match;
  const blank = (value: string | undefined) => (value === '#' ? ' ' : value);
  return {
    tag,
    tagPattern: new RegExp(`^${tag.replace(/X/g, '[0-9]')}$`),
    subfields,
    range: start === undefined ? undefined : [Number(start), Number(end ?? start)],
    ind1: typeof spec === 'string' ? undefined : blank(spec.ind1),
    ind2: typeof spec === 'string' ? undefined : blank(spec.ind2),
  };
}
