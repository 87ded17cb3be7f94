/**
 * AST to XCQL 1.x (namespace http://www.loc.gov/zing/cql/xcql/, schema xcql.xsd of SRU 1.1/1.2):
 * what SRU 1.x carries in `echoedSearchRetrieveRequest/xQuery`, whose type is xcql:operandType,
 * i.e. an optional `<prefixes>` followed by one `<triple>` or `<searchClause>`.
 *
 * Shapes (the order YAZ and cql-java print; the schema's xsd:all allows any):
 *   searchClause: index, relation(value, modifiers?), term -- index and relation always spelled
 *                 out, the defaults of a bare term included
 *   triple:       boolean(value, modifiers?), leftOperand, rightOperand
 *   modifier:     type, then comparison and value when present; in source order
 *   prefixes:     prefix(name, identifier)... before the operand they scope; `> uri` has an empty
 *                 name; directly nested prefix nodes flatten into one list (inner ones last, so
 *                 they still win), and a prefix node in parentheses before `sortby` joins the top
 *                 list (XCQL cannot say that it does not scope over the sort keys)
 *   sortKeys:     key(index, modifiers?)..., only with `sortKeys: true`: xcql.xsd 1.x has no place
 *                 for them (YAZ and cql-java append them to the top element regardless)
 */
import type {
  BooleanNode, CqlQuery, Modifier, PrefixAssignment, Relation, SearchClause, SortKey,
} from './ast.js';

export const XCQL_NAMESPACE = 'http://www.loc.gov/zing/cql/xcql/';

/** A minimal element tree: text-only or element-only content, no attributes. */
export interface XmlElement {
  readonly name: string;
  readonly text?: string;
  readonly children?: readonly XmlElement[];
}

export interface XcqlOptions {
  /** Append `<sortKeys>` to the top element as YAZ does (not valid against xcql.xsd 1.x). */
  readonly sortKeys?: boolean;
}

/** The content of an operand (e.g. xQuery): `[<prefixes>] (<triple>|<searchClause>)`. */
export function toXcqlTree(query: CqlQuery, options: XcqlOptions = {}): XmlElement[] {
  const prefixes: PrefixAssignment[] = [];
  let sortKeys: readonly SortKey[] = [];
  let node: CqlQuery = query;
  for (;;) {
    if (node.kind === 'prefix') {
      prefixes.push(...node.assignments);
      node = node.query;
    } else if (node.kind === 'sortedQuery') {
      sortKeys = node.sortKeys;
      node = node.query;
    } else {
      break;
    }
  }
  const main = element(node);
  const top = options.sortKeys && sortKeys.length > 0
    ? { ...main, children: [...(main.children ?? []), sortKeysElement(sortKeys)] }
    : main;
  return prefixes.length > 0 ? [prefixesElement(prefixes), top] : [top];
}

export interface XcqlRenderOptions extends XcqlOptions {
  /** Spaces per level; 0 writes everything on one line. Default 2. */
  readonly indent?: number;
  /** Declare XCQL_NAMESPACE as the default namespace on each top element. Default true. */
  readonly namespace?: boolean;
}

export function toXcql(query: CqlQuery, options: XcqlRenderOptions = {}): string {
  const indent = options.indent ?? 2;
  const xmlns = options.namespace ?? true ? ` xmlns="${XCQL_NAMESPACE}"` : '';
  const out: string[] = [];
  toXcqlTree(query, options).forEach((e, i) => {
    if (i > 0 && indent > 0) out.push('\n');
    render(e, 0, indent, xmlns, out);
  });
  return out.join('');
}

function element(node: SearchClause | BooleanNode): XmlElement {
  if (node.kind === 'searchClause') {
    return el('searchClause', [text('index', node.index), relationElement(node.relation), text('term', node.term)]);
  }
  return el('triple', [
    el('boolean', [text('value', node.op), ...modifiersElement(node.modifiers)]),
    el('leftOperand', toXcqlTree(node.left)),
    el('rightOperand', toXcqlTree(node.right)),
  ]);
}

function relationElement(relation: Relation): XmlElement {
  return el('relation', [text('value', relation.base), ...modifiersElement(relation.modifiers)]);
}

function modifiersElement(modifiers: readonly Modifier[]): XmlElement[] {
  if (modifiers.length === 0) return [];
  return [el('modifiers', modifiers.map((m) => el('modifier', [
    text('type', m.name),
    ...(m.comparison === undefined ? [] : [text('comparison', m.comparison), text('value', m.value ?? '')]),
  ])))];
}

function prefixesElement(prefixes: readonly PrefixAssignment[]): XmlElement {
  return el('prefixes', prefixes.map((p) => el('prefix', [text('name', p.name ?? ''), text('identifier', p.uri)])));
}

function sortKeysElement(keys: readonly SortKey[]): XmlElement {
  return el('sortKeys', keys.map((k) => el('key', [text('index', k.index), ...modifiersElement(k.modifiers)])));
}

function el(name: string, children: readonly XmlElement[]): XmlElement {
  return { name, children };
}

function text(name: string, value: string): XmlElement {
  return { name, text: value };
}

/**
 * Appends one element to `out`. Indentation stops growing below MAX_INDENT_LEVEL, so that the
 * text stays linear in the size of the tree however deep it is (a left-deep chain of a thousand
 * booleans nests three thousand elements).
 */
function render(e: XmlElement, level: number, indent: number, attributes: string, out: string[]): void {
  const pad = ' '.repeat(Math.min(level, MAX_INDENT_LEVEL) * indent);
  out.push(pad, '<', e.name, attributes, '>');
  if (e.children === undefined) {
    out.push(escapeText(e.text ?? ''), '</', e.name, '>');
    return;
  }
  for (const child of e.children) {
    if (indent > 0) out.push('\n');
    render(child, level + 1, indent, '', out);
  }
  if (indent > 0) out.push('\n', pad);
  out.push('</', e.name, '>');
}

const MAX_INDENT_LEVEL = 32;

/**
 * Character data for XML 1.0. Characters XML cannot carry at all (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) become U+FFFD; CR is written as a reference so parsers keep it.
 * Unlike src/xml/escape.ts (which drops such characters from protocol output), XCQL keeps a visible
 * placeholder so a term's length and positions survive the round trip.
 */
export function escapeText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}
