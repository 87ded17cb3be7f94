import { describe, expect, it } from '@jest/globals';
import { parseCql } from './parser.js';
import { escapeText, toXcql, toXcqlTree, XCQL_NAMESPACE } from './xcql.js';

const flat = (query: string, sortKeys = false) => toXcql(parseCql(query), { indent: 0, namespace: false, sortKeys });

describe('toXcql', () => {
  it('spells out the implied index and relation of a bare term', () => {
    expect(flat('fish')).toBe(
      '<searchClause><index>cql.serverChoice</index><relation><value>=</value></relation><term>fish</term></searchClause>',
    );
  });

  it('writes relation modifiers in source order, with comparison and value', () => {
    expect(flat('dc.title any/stem/rel.algorithm=CORI fish')).toBe(
      '<searchClause><index>dc.title</index><relation><value>any</value><modifiers>'
      + '<modifier><type>stem</type></modifier>'
      + '<modifier><type>rel.algorithm</type><comparison>=</comparison><value>CORI</value></modifier>'
      + '</modifiers></relation><term>fish</term></searchClause>',
    );
  });

  it('writes a boolean as a triple with its modifiers', () => {
    expect(flat('a prox/distance<=3 b')).toBe(
      '<triple><boolean><value>prox</value><modifiers><modifier><type>distance</type><comparison>&lt;=</comparison>'
      + '<value>3</value></modifier></modifiers></boolean>'
      + '<leftOperand><searchClause><index>cql.serverChoice</index><relation><value>=</value></relation><term>a</term></searchClause></leftOperand>'
      + '<rightOperand><searchClause><index>cql.serverChoice</index><relation><value>=</value></relation><term>b</term></searchClause></rightOperand>'
      + '</triple>',
    );
  });

  it('puts prefixes before the operand they scope, flattening runs and nesting', () => {
    const tree = toXcqlTree(parseCql('> dc = "u1" > "u2" (> x = "u3" a) and (> y = "u4" b)'));
    expect(tree.map((e) => e.name)).toEqual(['prefixes', 'triple']);
    expect(tree[0]).toEqual({
      name: 'prefixes',
      children: [
        { name: 'prefix', children: [{ name: 'name', text: 'dc' }, { name: 'identifier', text: 'u1' }] },
        { name: 'prefix', children: [{ name: 'name', text: '' }, { name: 'identifier', text: 'u2' }] },
      ],
    });
    const left = tree[1]!.children![1]!;
    expect(left.name).toBe('leftOperand');
    expect(left.children!.map((e) => e.name)).toEqual(['prefixes', 'searchClause']);
    expect(toXcqlTree(parseCql('> a = "1" (> b = "2" x)'))[0]!.children).toHaveLength(2);
  });

  it('adds sort keys to the top element only when asked (xcql.xsd 1.x has no place for them)', () => {
    expect(flat('a sortby t')).toBe(flat('a'));
    expect(flat('> p = "u" a sortby dc.date/sort.descending t', true)).toBe(
      '<prefixes><prefix><name>p</name><identifier>u</identifier></prefix></prefixes>'
      + '<searchClause><index>cql.serverChoice</index><relation><value>=</value></relation><term>a</term>'
      + '<sortKeys><key><index>dc.date</index><modifiers><modifier><type>sort.descending</type></modifier></modifiers></key>'
      + '<key><index>t</index></key></sortKeys></searchClause>',
    );
  });

  it('declares the XCQL namespace on each top element and indents by default', () => {
    expect(toXcql(parseCql('> p = "u" a'))).toBe([
      `<prefixes xmlns="${XCQL_NAMESPACE}">`,
      '  <prefix>',
      '    <name>p</name>',
      '    <identifier>u</identifier>',
      '  </prefix>',
      '</prefixes>',
      `<searchClause xmlns="${XCQL_NAMESPACE}">`,
      '  <index>cql.serverChoice</index>',
      '  <relation>',
      '    <value>=</value>',
      '  </relation>',
      '  <term>a</term>',
      '</searchClause>',
    ].join('\n'));
  });

  it('stops indenting at 32 levels, so deep trees stay linear in size', () => {
    const deep = toXcql(parseCql('a and ('.repeat(40) + 'b' + ')'.repeat(40)));
    const widest = Math.max(...deep.split('\n').map((line) => line.length - line.trimStart().length));
    expect(widest).toBe(64);
  });

  it('keeps escapes in terms as the AST has them', () => {
    expect(flat(String.raw`"a\*b \"c\""`)).toContain(String.raw`<term>a\*b "c"</term>`);
  });
});

describe('escapeText', () => {
  it('escapes markup and keeps carriage returns', () => {
    expect(escapeText('a<b>&c\r\n\t')).toBe('a&lt;b&gt;&amp;c&#13;\n\t');
  });

  it('replaces what XML 1.0 cannot carry with U+FFFD', () => {
    expect(escapeText('a\u0000b\u001fc\ud800d\uffffe😀')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde😀');
  });
});
