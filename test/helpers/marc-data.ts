/**
 * Where the shared MARC test files live. The folder is outside the
 * repository (../shared/data/marc); CI always has it. A developer without it gets a console note and
 * the data-driven tests return early (never a skipped test).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const MARC_DATA = path.resolve(repoRoot, '../shared/data/marc');
export const MARC21_XSD = path.resolve(repoRoot, '../shared/data/xsd/MARC21slim.xsd');

export function marcData(relative: string): string {
  return path.join(MARC_DATA, relative);
}

export function haveMarcData(): boolean {
  if (existsSync(MARC_DATA)) return true;
  console.warn(`shared MARC test data not found at ${MARC_DATA}: data-driven checks not run`);
  return false;
}
