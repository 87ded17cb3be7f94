/** Where the shared, read-only test data lives: `<repo>/../shared` (never copied into the project). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const corpusFile = path.join(sharedDir, 'data', 'marc', 'corpus', 'bench-corpus.xml');
export const xsdDir = path.join(sharedDir, 'data', 'xsd');
