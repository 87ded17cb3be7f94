/**
 * Reads Index Data's CQL sample files (shared/cql) the way YAZ's test runners do, and checks the
 * parser against their sections: every query in an "Invalid" or "... error" section is rejected,
 * every other query parses. Also checks that test/conformance/cql holds each query's pair.
 */
import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { CqlError } from '../src/sru/cql/errors.js';
import { parseCql } from '../src/sru/cql/parser.js';
import { REPO_ROOT, SHARED_DIR } from './helpers/paths.js';

interface SampleQuery {
  /** YAZ's numbering: the section counts comment blocks, the line counts queries within one. */
  readonly id: string;
  readonly section: string;
  readonly query: string;
}

/**
 * A block of comment lines opens a section named by its last line; blank lines are skipped.
 * `unescape` applies what the shell's `read` (without -r) does to each line, as YAZ's cql2pqf
 * runner reads its sample that way ("sh reads one slash").
 */
function readSample(file: string, unescape: boolean): SampleQuery[] {
  const queries: SampleQuery[] = [];
  let section = '';
  let sectionNo = 0;
  let lineNo = 0;
  let inComment = false;
  for (const line of fs.readFileSync(path.join(SHARED_DIR, 'cql', file), 'utf8').split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      inComment = true;
      section = line.replace(/^#\s*/, '');
      continue;
    }
    if (inComment) {
      sectionNo++;
      lineNo = 0;
      inComment = false;
    }
    lineNo++;
    const id = `${String(sectionNo).padStart(2, '0')}-${String(lineNo).padStart(2, '0')}`;
    queries.push({ id, section, query: unescape ? line.replace(/\\(.)/g, '$1') : line });
  }
  return queries;
}

const isErrorSection = (section: string) => /invalid|error/i.test(section);

function outcome(query: string): 'parsed' | 'rejected' {
  try {
    parseCql(query);
    return 'parsed';
  } catch (e) {
    if (e instanceof CqlError) return 'rejected';
    throw e;
  }
}

describe.each([
  { file: 'yaz-cql2xcql-sample.txt', folder: 'yaz-cql2xcql', unescape: false, sections: 13, parsed: 69, rejected: 12 },
  { file: 'yaz-cql2pqf-sample.txt', folder: 'yaz-cql2pqf', unescape: true, sections: 7, parsed: 48, rejected: 0 },
])('$file', ({ file, folder, unescape, sections, parsed, rejected }) => {
  const queries = readSample(file, unescape);

  it('rejects exactly the queries of its error sections', () => {
    const wrong = queries.filter((q) => (outcome(q.query) === 'rejected') !== isErrorSection(q.section));
    expect(wrong).toEqual([]);
  });

  it('has the sections and counts we expect', () => {
    expect(new Set(queries.map((q) => q.section)).size).toBe(sections);
    const counts = { parsed: 0, rejected: 0 };
    for (const q of queries) counts[outcome(q.query)]++;
    expect(counts).toEqual({ parsed, rejected });
  });

  it('has each query paired in test/conformance/cql', () => {
    for (const q of queries) {
      const text = fs.readFileSync(path.join(REPO_ROOT, 'test', 'conformance', 'cql', folder, `${q.id}.cql`), 'utf8');
      expect([q.id, text.replace(/\n$/, '')]).toEqual([q.id, q.query]);
    }
  });
});
