/**
 * Test helpers for CQL trees. The compact, readable form of a CQL AST used by the golden files in test/conformance/cql/ (and
 * handy in unit tests). Positions are left out: they are tested where they matter.
 *
 *   bare term (implied index/relation)  {"term": "cat"}
 *   search clause                       {"index": "dc.title", "relation": "any", "modifiers"?: [...], "term": "fish"}
 *   modifier                            ["stem"] or ["distance", "<=", "3"]
 *   boolean                             {"and": [left, right], "modifiers"?: [...]}
 *   prefix assignments                  {"prefixes": [["dc", "info:..."], [null, "uri"]], "query": ...}
 *   sortby                              {"query": ..., "sortBy": [{"index": "dc.date", "modifiers"?: [...]}]}
 */
import type { CqlQuery, Modifier } from '../../src/sru/cql/ast.js';
import { CqlError } from '../../src/sru/cql/errors.js';
import { parseCql, type ParseOptions } from '../../src/sru/cql/parser.js';

export type Compact = string | null | Compact[] | { [key: string]: Compact };

export function toCompact(node: CqlQuery): Compact {
  switch (node.kind) {
    case 'searchClause':
      return node.implied
        ? { term: node.term }
        : { index: node.index, relation: node.relation.base, ...modifiers(node.relation.modifiers), term: node.term };
    case 'boolean':
      return { [node.op]: [toCompact(node.left), toCompact(node.right)], ...modifiers(node.modifiers) };
    case 'prefix':
      return { prefixes: node.assignments.map((a) => [a.name ?? null, a.uri]), query: toCompact(node.query) };
    case 'sortedQuery':
      return {
        query: toCompact(node.query),
        sortBy: node.sortKeys.map((k) => ({ index: k.index, ...modifiers(k.modifiers) })),
      };
  }
}

function modifiers(list: readonly Modifier[]): { modifiers?: Compact } {
  if (list.length === 0) return {};
  return { modifiers: list.map((m) => (m.comparison === undefined ? [m.name] : [m.name, m.comparison, m.value ?? ''])) };
}

/** A deep copy without the `pos` fields, for comparing trees parsed from different texts. */
export function stripPositions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'pos' ? undefined : v))) as T;
}

/** The CqlError that parsing `query` throws; fails the test if it parses or throws anything else. */
export function parseFailure(query: string, options?: ParseOptions): CqlError {
  try {
    parseCql(query, options);
  } catch (e) {
    if (e instanceof CqlError) return e;
    throw e;
  }
  throw new Error(`the query parsed: ${query}`);
}
