/**
 * Walks test/conformance/cql/: each NAME.cql is parsed and compared with NAME.json (the compact
 * tree) or NAME.error.json (error kind or limit, and position); every parsed query must also come
 * back unchanged through canonical CQL. See the folder's README.
 */
import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { CqlLimitError, CqlSyntaxError } from '../src/sru/cql/errors.js';
import { parseCql } from '../src/sru/cql/parser.js';
import { toCql } from '../src/sru/cql/serialize.js';
import { parseFailure, stripPositions, toCompact } from './helpers/cql.js';
import { REPO_ROOT } from './helpers/paths.js';

const CORPUS = path.join(REPO_ROOT, 'test', 'conformance', 'cql');

function cases(): string[] {
  return fs.readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.cql'))
    .map((f) => f.slice(0, -'.cql'.length))
    .sort();
}

function readQuery(name: string): string {
  return fs.readFileSync(path.join(CORPUS, `${name}.cql`), 'utf8').replace(/\n$/, '');
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(CORPUS, file), 'utf8'));
}

describe('CQL conformance corpus', () => {
  const names = cases();

  it('has cases, each with exactly one expectation and no stray files', () => {
    expect(names.length).toBeGreaterThan(170);
    for (const name of names) {
      const expectations = ['.json', '.error.json'].filter((ext) => fs.existsSync(path.join(CORPUS, name + ext)));
      expect([name, expectations.length]).toEqual([name, 1]);
    }
    const stray = fs.readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.json$/.test(f) && !names.includes(f.replace(/(\.error)?\.json$/, '')));
    expect(stray).toEqual([]);
  });

  it.each(names)('%s', (name) => {
    const query = readQuery(name);
    if (fs.existsSync(path.join(CORPUS, `${name}.error.json`))) {
      const expected = readJson(`${name}.error.json`) as { kind?: string; limit?: string; position: number };
      const error = parseFailure(query);
      if (expected.limit !== undefined) {
        expect(error).toBeInstanceOf(CqlLimitError);
        expect({ limit: (error as CqlLimitError).limit, position: error.position }).toEqual(expected);
      } else {
        expect(error).toBeInstanceOf(CqlSyntaxError);
        expect({ kind: (error as CqlSyntaxError).kind, position: error.position }).toEqual(expected);
      }
      return;
    }
    const ast = parseCql(query);
    expect(toCompact(ast)).toEqual(readJson(`${name}.json`));
    const canonical = toCql(ast);
    const again = parseCql(canonical);
    expect(stripPositions(again)).toEqual(stripPositions(ast));
    expect(toCql(again)).toBe(canonical);
  });
});
