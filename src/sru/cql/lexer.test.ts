import { describe, expect, it } from '@jest/globals';
import { CqlSyntaxError } from './errors.js';
import { tokenize } from './lexer.js';
import type { Token } from './tokens.js';

/** Tokens as `type:text@pos` for compact expectations. */
function show(query: string): string[] {
  return tokenize(query).map((t: Token) => {
    switch (t.type) {
      case 'term': return `${t.quoted ? 'str' : t.keyword ? `kw(${t.keyword})` : 'word'}:${t.value}@${t.pos}`;
      case 'comparison': return `${t.symbol}@${t.pos}`;
      default: return `${t.type}@${t.pos}`;
    }
  });
}

function lexError(query: string): CqlSyntaxError {
  try {
    tokenize(query);
  } catch (e) {
    if (e instanceof CqlSyntaxError) return e;
    throw e;
  }
  throw new Error(`no error for ${query}`);
}

describe('lexer', () => {
  it('gives every token its position, the end of query included', () => {
    expect(show('dc.title any/stem "fish food" and (a<=b)')).toEqual([
      'word:dc.title@0', 'word:any@9', '/@12', 'word:stem@13', 'str:fish food@18', 'kw(and):and@30',
      '(@34', 'word:a@35', '<=@36', 'word:b@38', ')@39', 'eof@40',
    ]);
  });

  it('reads relation symbols by longest match', () => {
    expect(show('= == <> < > <= >= === <>=')).toEqual([
      '=@0', '==@2', '<>@5', '<@8', '>@10', '<=@12', '>=@15', '==@18', '=@20', '<>@22', '=@24', 'eof@25',
    ]);
  });

  it('recognises keywords in any case, keeping the spelling, but never quoted or escaped', () => {
    expect(show('AND Or nOt PROX SortBy "and" an\\d android')).toEqual([
      'kw(and):AND@0', 'kw(or):Or@4', 'kw(not):nOt@7', 'kw(prox):PROX@11', 'kw(sortby):SortBy@16', 'str:and@23', 'word:an\\d@29',
      'word:android@34', 'eof@41',
    ]);
  });

  it('keeps backslashes in values except before a double quote', () => {
    expect(show(String.raw`"say \"hi\"" "a\*b\?c\^d\\e" a\"b a\*`)).toEqual([
      'str:say "hi"@0', String.raw`str:a\*b\?c\^d\\e@13`, 'word:a"b@29', String.raw`word:a\*@34`, 'eof@37',
    ]);
  });

  it('lets a backslash in a word take a delimiter with it', () => {
    expect(show(String.raw`a\ b a\(b\) c`)).toEqual([String.raw`word:a\ b@0`, String.raw`word:a\(b\)@5`, 'word:c@12', 'eof@13']);
  });

  it('ends a word at a quote, slash, parenthesis or relation character', () => {
    expect(show('ab"cd"e/f(g)h=i<j>k')).toEqual([
      'word:ab@0', 'str:cd@2', 'word:e@6', '/@7', 'word:f@8', '(@9', 'word:g@10', ')@11', 'word:h@12', '=@13',
      'word:i@14', '<@15', 'word:j@16', '>@17', 'word:k@18', 'eof@19',
    ]);
  });

  it('separates words on any whitespace, Unicode spaces included', () => {
    expect(show('a\tb\nc\u00a0d\u3000e')).toEqual(['word:a@0', 'word:b@2', 'word:c@4', 'word:d@6', 'word:e@8', 'eof@9']);
  });

  it('keeps Unicode and control characters in words', () => {
    expect(show('Достоевский 東京 🐟\u0001')).toEqual(['word:Достоевский@0', 'word:東京@12', 'word:🐟\u0001@15', 'eof@18']);
  });

  it('reads the empty quoted string as an empty term', () => {
    expect(show('""')).toEqual(['str:@0', 'eof@2']);
  });

  it('reports an unterminated string at its opening quote', () => {
    expect(lexError('title = "fish')).toMatchObject({ kind: 'quotes', position: 8 });
    expect(lexError('x "ab\\"')).toMatchObject({ kind: 'quotes', position: 2 });
    expect(lexError('"abc\\')).toMatchObject({ kind: 'quotes', position: 0 });
  });

  it('rejects a backslash that ends the query', () => {
    expect(lexError('a\\')).toMatchObject({ kind: 'syntax', position: 1 });
  });
});
