#!/usr/bin/env node
// Compiles every stylesheet in xslt/ (*.xsl, *.xslt) to dist/xslt/<name>.sef.json with xslt3, the
// form saxon-js runs. Part of `npm run build`. No xslt/ folder (yet) means nothing to compile.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'xslt');
const target = path.join(root, 'dist', 'xslt');
const stylesheets = existsSync(source) ? readdirSync(source).filter((f) => /\.xslt?$/.test(f)).sort() : [];
if (stylesheets.length > 0) {
  const xslt3 = createRequire(import.meta.url).resolve('xslt3/xslt3.js');
  mkdirSync(target, { recursive: true });
  for (const file of stylesheets) {
    const out = path.join(target, file.replace(/\.xslt?$/, '.sef.json'));
    const run = spawnSync(process.execPath, [xslt3, `-xsl:${path.join(source, file)}`, `-export:${out}`, '-relocate:on', '-nogo'], { stdio: 'inherit' });
    if (run.status !== 0) {
      process.stderr.write(`compile-xslt: ${file} failed\n`);
      process.exit(1);
    }
  }
}
