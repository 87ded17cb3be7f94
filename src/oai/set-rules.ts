/**
 * Set membership rules, compiled once from config. A rule is either evaluated on the record in
 * JavaScript (field, library: cheap, no SQL needed, the same code for a single write and a full
 * recompute) or is a SQL predicate over `records r` (cql: the CQL engine's compiler supplies it).
 *
 * Start-up contract: compileSetRules throws SetRuleError naming the set for a rule it cannot use
 * (a bad regular expression, or a cql rule while no CQL compiler is wired in).
 */
import type { OaiSet, SetRule } from '../config/sections/oai.js';
import { isControlField, isDataField, type MarcRecord } from '../marc/record.js';

/** A parameterised SQL predicate over the alias `r` (the records table). */
export interface SqlPredicate {
  readonly sql: string;
  readonly bindings: readonly unknown[];
}

/** Supplied by the SRU/CQL engine: a CQL query to a predicate over `records r`; throws for a bad query. */
export type CqlPredicateCompiler = (cql: string) => SqlPredicate;

/** What a JavaScript rule sees of a record. */
export interface RuleInput {
  readonly marc: MarcRecord;
  /** Home and holding library codes of the record's items. */
  readonly libraries: readonly string[];
}

export type CompiledRule =
  | { readonly kind: 'js'; readonly spec: string; test(input: RuleInput): boolean }
  | { readonly kind: 'sql'; readonly spec: string; readonly predicate: SqlPredicate };

export class SetRuleError extends Error {
  override readonly name = 'SetRuleError';
}

export interface SetRuleOptions {
  readonly cqlCompiler?: CqlPredicateCompiler | undefined;
}

/** One compiled rule per set that has one (sets without a rule only group their descendants). */
export function compileSetRules(sets: readonly OaiSet[], options: SetRuleOptions = {}): CompiledRule[] {
  const out: CompiledRule[] = [];
  sets.forEach((set, i) => {
    if (set.rule) out.push(compileRule(set.spec, set.rule, `oai.sets.${i}.rule`, options));
  });
  return out;
}

function compileRule(spec: string, rule: SetRule, at: string, options: SetRuleOptions): CompiledRule {
  switch (rule.kind) {
    case 'library': {
      const codes = new Set(rule.codes);
      return { kind: 'js', spec, test: (input) => input.libraries.some((code) => codes.has(code)) };
    }
    case 'field': {
      const read = valueReader(rule.field);
      let match: (value: string) => boolean;
      if (rule.pattern !== undefined) {
        let re: RegExp;
        try {
          re = new RegExp(rule.pattern, 'iu');
        } catch (error) {
          throw new SetRuleError(`${at}.pattern (set ${spec}): not a regular expression: ${(error as Error).message}`);
        }
        match = (value) => re.test(value);
      } else {
        const wanted = new Set((rule.values ?? []).map((v) => v.toLowerCase()));
        match = (value) => wanted.has(value.trim().toLowerCase());
      }
      return { kind: 'js', spec, test: (input) => read(input.marc).some(match) };
    }
    case 'cql': {
      if (!options.cqlCompiler) {
        throw new SetRuleError(`${at} (set ${spec}): cql rules need the CQL engine, which this build does not wire in yet; use a field or library rule`);
      }
      try {
        return { kind: 'sql', spec, predicate: options.cqlCompiler(rule.query) };
      } catch (error) {
        throw new SetRuleError(`${at}.query (set ${spec}): ${(error as Error).message}`);
      }
    }
  }
}

/** TAG, TAG$codes or TAG/start-end (LDR for the leader) -> the values a rule compares. */
function valueReader(path: string): (marc: MarcRecord) => string[] {
  const m = /^(LDR|[0-9]{3})(?:\$([0-9a-z]+)|\/([0-9]+)(?:-([0-9]+))?)?$/.exec(path);
  if (!m) return () => [];
  const [, tag, codes, start, end] = m;
  const slice = (text: string) => (start === undefined ? text : text.slice(Number(start), Number(end ?? start) + 1));
  if (tag === 'LDR') return (marc) => [slice(marc.leader)];
  return (marc) => {
    const values: string[] = [];
    for (const field of marc.fields) {
      if (field.tag !== tag) continue;
      if (isControlField(field)) values.push(slice(field.value));
      else if (isDataField(field)) {
        for (const sf of field.subfields) if (codes === undefined || codes.includes(sf.code)) values.push(sf.value);
      }
    }
    return values;
  };
}

/** The specs that are not ancestors of another spec in the list (what a header lists). */
export function minimalSpecs(specs: Iterable<string>): string[] {
  const all = [...new Set(specs)].sort();
  return all.filter((spec) => !all.some((other) => other.startsWith(`${spec}:`)));
}

/** A spec and its ancestors: a:b:c -> a, a:b, a:b:c. */
export function withAncestors(spec: string): string[] {
  const parts = spec.split(':');
  return parts.map((_, i) => parts.slice(0, i + 1).join(':'));
}
