import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { loadConfigFile } from '../../src/config/load.js';
import { documentHasPath, schemaKeyPaths } from '../../src/config/key-paths.js';
import { configSchema } from '../../src/config/schema.js';
import { repoRoot } from '../helpers/shared-data.js';

const reference = path.join(repoRoot, 'conf', 'libgate.reference.yaml');

describe('conf/libgate.reference.yaml', () => {
  it('is a valid configuration', () => {
    expect(() => loadConfigFile(reference)).not.toThrow();
  });

  it('sets every key the schema accepts, so the reference cannot fall behind the code', () => {
    const document: unknown = parse(readFileSync(reference, 'utf8'));
    const paths = schemaKeyPaths(configSchema);
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((keyPath) => !documentHasPath(document, keyPath))).toEqual([]);
  });

  it('comments every top-level section', () => {
    const text = readFileSync(reference, 'utf8');
    const sections = Object.keys(configSchema.shape);
    const uncommented = sections.filter((section) => {
      const at = text.search(new RegExp(`^${section}:`, 'm'));
      const before = text.slice(0, at).trimEnd().split('\n').at(-1) ?? '';
      const after = text.slice(at).split('\n')[1] ?? '';
      return !before.startsWith('#') && !after.trim().startsWith('#');
    });
    expect(uncommented).toEqual([]);
  });
});

describe('schemaKeyPaths / documentHasPath', () => {
  it('finds record entries and array elements', () => {
    const doc = { a: { x: { b: [{ c: 1 }] } } };
    expect(documentHasPath(doc, 'a.*.b[].c')).toBe(true);
    expect(documentHasPath(doc, 'a.*.b[].d')).toBe(false);
    expect(documentHasPath(doc, 'a.y')).toBe(false);
  });
});
