/**
 * XCQL output against the official schema (xcql.xsd, via xmllint) for every query of the
 * conformance corpus, and against YAZ's XCQL for a handful of queries (captures made by
 * test/conformance/cql-yaz/capture.sh), modulo the documented differences (src/sru/cql/README.md).
 * Needs xmllint (Debian libxml2-utils).
 */
import { describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CqlError } from '../src/sru/cql/errors.js';
import { parseCql } from '../src/sru/cql/parser.js';
import { toXcql, toXcqlTree, type XmlElement } from '../src/sru/cql/xcql.js';
import { REPO_ROOT, SHARED_DIR } from './helpers/paths.js';

const CONFORMANCE = path.join(REPO_ROOT, 'test', 'conformance');

function readQueries(folder: string): { name: string; query: string }[] {
  const dir = path.join(CONFORMANCE, folder);
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.cql'))
    .sort()
    .map((f) => ({ name: f.slice(0, -'.cql'.length), query: fs.readFileSync(path.join(dir, f), 'utf8').replace(/\n$/, '') }));
}

describe('XCQL against xcql.xsd', () => {
  it('validates for every query of the corpus that parses', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xcql-'));
    try {
      // xQuery in srw-types.xsd is an element of type xcql:operandType; this wrapper declares one.
      const schema = path.join(dir, 'wrapper.xsd');
      fs.writeFileSync(schema, `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xcql="http://www.loc.gov/zing/cql/xcql/"
    targetNamespace="urn:libgate:test" elementFormDefault="qualified">
  <xsd:import namespace="http://www.loc.gov/zing/cql/xcql/" schemaLocation="${path.join(SHARED_DIR, 'data', 'xsd', 'xcql.xsd')}"/>
  <xsd:element name="xQuery" type="xcql:operandType"/>
</xsd:schema>
`);
      const files: string[] = [];
      for (const { name, query } of readQueries('cql')) {
        let xcql: string;
        try {
          xcql = toXcql(parseCql(query));
        } catch (e) {
          if (e instanceof CqlError) continue;
          throw e;
        }
        const file = path.join(dir, `${name.replaceAll('/', '_')}.xml`);
        fs.writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n<t:xQuery xmlns:t="urn:libgate:test">\n${xcql}\n</t:xQuery>\n`);
        files.push(file);
      }
      expect(files.length).toBeGreaterThan(140);
      const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', schema, ...files], { encoding: 'utf8' });
      expect(run.error).toBeUndefined();
      const failures = run.stderr.split('\n').filter((line) => line !== '' && !line.endsWith(' validates'));
      expect(failures).toEqual([]);
      expect(run.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Element-only or text-only trees, as toXcqlTree builds them, from an XML string. */
function readXml(xml: string): XmlElement[] {
  type Node = Record<string, unknown>;
  const parser = new XMLParser({ preserveOrder: true, parseTagValue: false, trimValues: false, ignoreAttributes: true });
  const convert = (nodes: Node[]): XmlElement[] => nodes
    .filter((n) => !('#text' in n))
    .map((n) => {
      const name = Object.keys(n).find((k) => k !== ':@')!;
      const content = n[name] as Node[];
      const elements = content.filter((c) => !('#text' in c));
      if (elements.length > 0) return { name, children: convert(elements) };
      return { name, text: content.map((c) => String(c['#text'])).join('') };
    });
  return convert(parser.parse(xml) as Node[]);
}

/** YAZ writes modifiers in reverse source order; put them back. */
function normaliseYaz(elements: readonly XmlElement[]): XmlElement[] {
  return elements.map((e) => {
    if (e.children === undefined) return e;
    const children = normaliseYaz(e.children);
    return { name: e.name, children: e.name === 'modifiers' ? children.reverse() : children };
  });
}

describe('XCQL against YAZ', () => {
  it.each(readQueries('cql-yaz'))('$name: $query', ({ name, query }) => {
    const ast = parseCql(query);
    const ours = toXcqlTree(ast, { sortKeys: true });
    expect(readXml(toXcql(ast, { sortKeys: true, namespace: false }))).toEqual(ours);
    const yaz = readXml(fs.readFileSync(path.join(CONFORMANCE, 'cql-yaz', `${name}.yaz.xml`), 'utf8'));
    expect(ours).toEqual(normaliseYaz(yaz));
  });
});
