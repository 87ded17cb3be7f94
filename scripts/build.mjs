#!/usr/bin/env node
// Compiles the TypeScript sources to dist/ with swc (the same transpiler the tests use), in about a
// second, so `npm start` is quick on a fresh clone. Type checking is `npm run typecheck` (tsc),
// which CI runs before the tests. Only changed files are recompiled.
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const roots = ['src', 'migrations', 'bench'];
const options = {
  jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
  module: { type: 'es6' },
  sourceMaps: true,
};

async function* sources(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) yield full;
  }
}

async function newer(source, target) {
  try {
    return (await stat(source)).mtimeMs > (await stat(target)).mtimeMs;
  } catch {
    return true;
  }
}

let compiled = 0;
let failed = 0;
for (const top of roots) {
  for await (const file of sources(path.join(root, top))) {
    const relative = path.relative(root, file);
    const target = path.join(root, 'dist', relative.replace(/\.ts$/, '.js'));
    if (!(await newer(file, target))) continue;
    try {
      const output = await transformFile(file, { ...options, filename: file, sourceFileName: path.relative(path.dirname(target), file) });
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, `${output.code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
      if (output.map) await writeFile(`${target}.map`, output.map);
      compiled += 1;
    } catch (error) {
      failed += 1;
      process.stderr.write(`build: ${relative}: ${error.message ?? error}\n`);
    }
  }
}
if (failed > 0) {
  process.stderr.write(`build: ${failed} file(s) failed to compile\n`);
  process.exit(1);
}
process.stdout.write(`build: ${compiled} file(s) compiled to dist/\n`);
