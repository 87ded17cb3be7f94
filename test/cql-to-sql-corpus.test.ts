// The CQL-to-SQL corpus (test/conformance/cql-to-sql): each query's filter and SQL predicate, or its
// exact diagnostic, against the shipped index map. LIBGATE_UPDATE_GOLDEN=1 rewrites the json files.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseAndTranslate } from '../src/sru/cql-to-sql.js';
import { SruDiagnostic } from '../src/sru/diagnostics.js';
import { buildIndexCatalog } from '../src/sru/index-catalog.js';
import { predicateSql } from '../src/store/search-sql.js';
import { shippedConfig } from './helpers/import.js';
import { REPO_ROOT } from './helpers/paths.js';

const DIR = path.join(REPO_ROOT, 'test', 'conformance', 'cql-to-sql');
const update = process.env.LIBGATE_UPDATE_GOLDEN === '1';
const catalog = buildIndexCatalog(shippedConfig().indexes);
const cases = readdirSync(DIR).filter((f) => f.endsWith('.cql')).sort().map((f) => f.slice(0, -4));

function translate(query: string): unknown {
  try {
    const t = parseAndTranslate(query, catalog);
    const sql = predicateSql(t.filter);
    return { filter: t.filter, sort: t.sort, ...(t.rank === undefined ? {} : { rank: t.rank }), sql: { text: sql.sql, bindings: sql.bindings } };
  } catch (error) {
    if (error instanceof SruDiagnostic) return { diagnostic: { code: error.code, ...(error.details === undefined ? {} : { details: error.details }) } };
    throw error;
  }
}

describe('CQL-to-SQL corpus', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  it.each(cases)('%s', (name) => {
    const query = readFileSync(path.join(DIR, `${name}.cql`), 'utf8').replace(/\n$/, '');
    const actual = translate(query);
    const file = path.join(DIR, `${name}.json`);
    if (update || !existsSync(file)) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    if (name.includes('diag-')) {
      const code = Number(/diag-(\d+)/.exec(name)![1]);
      expect(actual).toMatchObject({ diagnostic: { code } });
    }
  });
});
