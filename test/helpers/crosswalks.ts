import os from 'node:os';
import path from 'node:path';
import { BUILTIN_CROSSWALKS } from '../../src/crosswalk/builtin.js';
import { loadCrosswalks, type CrosswalkRegistry } from '../../src/crosswalk/registry.js';
import { repoRoot } from './shared-data.js';

/**
 * The built-in crosswalks, compiled from xslt/ into a per-user temporary directory (not dist/):
 * the first test file compiles, later ones reuse the SEFs while the sources' hash is unchanged.
 */
export function loadBuiltinCrosswalks(): Promise<CrosswalkRegistry> {
  return loadCrosswalks(BUILTIN_CROSSWALKS, {
    rootDir: repoRoot,
    sefDir: path.join(os.tmpdir(), `libgate-test-sef-${os.userInfo().uid}`),
  });
}
