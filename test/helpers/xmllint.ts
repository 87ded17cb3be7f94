/** Schema validation with xmllint (Debian libxml2-utils) against the shared offline schemas. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { xsdDir } from './shared-data.js';

/**
 * Validates files against `<shared>/data/xsd/<schema>` (or an absolute schema path) in one xmllint call. Returns xmllint's
 * complaints (lines other than "<file> validates"); an empty list means every file is valid.
 */
export function validateFiles(schema: string, files: readonly string[]): string[] {
  const result = spawnSync('xmllint', ['--nonet', '--noout', '--schema', path.isAbsolute(schema) ? schema : path.join(xsdDir, schema), ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, XML_CATALOG_FILES: path.join(xsdDir, 'catalog.xml') },
  });
  if (result.error) throw result.error;
  const complaints = `${result.stderr}\n${result.stdout}`.split('\n')
    .filter((line) => line.trim() !== '' && !line.endsWith(' validates'));
  if (result.status !== 0 && complaints.length === 0) complaints.push(`xmllint exited with ${result.status}`);
  return complaints;
}
