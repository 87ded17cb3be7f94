import { CqlSyntaxError } from './errors.js';
import {
  isWhitespace, keywordOf, WORD_DELIMITERS,
  type ComparisonSymbol, type Token,
} from './tokens.js';

/**
 * Splits a CQL query into tokens on demand, each with its character position.
 *
 * Contract: linear in the input; throws only CqlSyntaxError, for an unterminated quoted string
 * (kind `quotes`, at the opening quote) and for a backslash that ends the query (kind `syntax`,
 * at the backslash: it escapes nothing, and a term ending in a lone backslash could not be written
 * back, see serialize.ts). Everything that is not whitespace, punctuation or a quote is a word
 * character, control characters included.
 */
export class Lexer {
  private offset = 0;

  constructor(private readonly input: string) {}

  next(): Token {
    const input = this.input;
    let i = this.offset;
    while (i < input.length && isWhitespace(input[i]!)) i++;
    const pos = i;
    if (i >= input.length) return this.emit({ type: 'eof', pos, end: pos });
    const ch = input[i]!;
    if (ch === '(' || ch === ')' || ch === '/') return this.emit({ type: ch, pos, end: pos + 1 });
    if (ch === '=' || ch === '<' || ch === '>') return this.emit(this.comparison(pos));
    if (ch === '"') return this.emit(this.quoted(pos));
    return this.emit(this.word(pos));
  }

  private emit(token: Token): Token {
    this.offset = token.end;
    return token;
  }

  /** Longest match: `==`, `<=`, `<>`, `>=` before the single characters. */
  private comparison(pos: number): Token {
    const pair = this.input.slice(pos, pos + 2);
    const symbol: ComparisonSymbol =
      pair === '==' || pair === '<=' || pair === '<>' || pair === '>=' ? pair : (this.input[pos] as ComparisonSymbol);
    return { type: 'comparison', symbol, pos, end: pos + symbol.length };
  }

  private quoted(pos: number): Token {
    const input = this.input;
    let value = '';
    let i = pos + 1;
    for (;;) {
      if (i >= input.length) throw new CqlSyntaxError('unterminated quoted string', pos, 'quotes');
      const ch = input[i]!;
      if (ch === '"') break;
      if (ch === '\\') {
        if (i + 1 >= input.length) throw new CqlSyntaxError('unterminated quoted string', pos, 'quotes');
        value += escaped(input[i + 1]!);
        i += 2;
      } else {
        value += ch;
        i += 1;
      }
    }
    return { type: 'term', value, quoted: true, keyword: undefined, pos, end: i + 1 };
  }

  /** charString1, with the same backslash rule as quoted strings (as YAZ applies it). */
  private word(pos: number): Token {
    const input = this.input;
    let value = '';
    let sawEscape = false;
    let i = pos;
    while (i < input.length) {
      const ch = input[i]!;
      if (isWhitespace(ch) || WORD_DELIMITERS.includes(ch)) break;
      if (ch === '\\') {
        if (i + 1 >= input.length) throw new CqlSyntaxError('backslash at the end of the query escapes nothing', i);
        value += escaped(input[i + 1]!);
        sawEscape = true;
        i += 2;
      } else {
        value += ch;
        i += 1;
      }
    }
    return { type: 'term', value, quoted: false, keyword: sawEscape ? undefined : keywordOf(value), pos, end: i };
  }
}

/** The value kept for `\` + ch: the backslash goes only before a double quote. */
function escaped(ch: string): string {
  return ch === '"' ? '"' : '\\' + ch;
}

/**
 * The parser's view of the lexer: a token stream with two tokens of lookahead, which is what the
 * grammar needs to tell `index relation term` from a bare term.
 */
export class TokenStream {
  private readonly lexer: Lexer;
  private readonly buffer: Token[] = [];

  constructor(input: string) {
    this.lexer = new Lexer(input);
  }

  peek(ahead: 0 | 1 = 0): Token {
    while (this.buffer.length <= ahead) this.buffer.push(this.lexer.next());
    return this.buffer[ahead]!;
  }

  take(): Token {
    const token = this.peek();
    this.buffer.shift();
    return token;
  }
}

/** Tokenises a whole query (for tests and tools); the parser pulls tokens lazily instead. */
export function tokenize(input: string): Token[] {
  const lexer = new Lexer(input);
  const tokens: Token[] = [];
  for (let t = lexer.next(); ; t = lexer.next()) {
    tokens.push(t);
    if (t.type === 'eof') return tokens;
  }
}
