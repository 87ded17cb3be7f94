#!/usr/bin/env node
// Compiles every top-level stylesheet xslt/*.xsl (not the _modules) to dist/xslt/<name>.sef.json
// with the xslt3 package, plus <name>.sef.meta.json holding the SHA-256 of its sources. A SEF is
// rebuilt only when a source (the stylesheet or a module it includes) is newer than it, its sources'
// hash changed, or another xslt3 version made it. Any stylesheet that fails to compile fails the
// build with a message naming the file.
//
// Runs after tsc (npm run build) and uses the compiled crosswalk module, so build and start-up
// (loadCrosswalks) share one definition of "stale" and of the hash.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileAll, compilerVersion } from '../dist/src/crosswalk/compile.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const xslDir = path.join(root, 'xslt');
const sefDir = path.join(root, 'dist', 'xslt');

const { results, failures } = await compileAll(xslDir, sefDir, { useMtime: true, compiler: compilerVersion() });
for (const result of results) {
  const name = path.relative(root, result.xslFile);
  const state = result.compiledBecause === undefined ? 'up to date' : `compiled (${result.compiledBecause})`;
  console.log(`compile-xslt: ${name}: ${state}, sha256 ${result.meta.sha256.slice(0, 12)}`);
}
for (const failure of failures) {
  console.error(`compile-xslt: ${path.relative(root, failure.file)}: ${failure.message}`);
}
if (failures.length > 0) {
  console.error(`compile-xslt: ${failures.length} stylesheet(s) failed to compile`);
  process.exit(1);
}
