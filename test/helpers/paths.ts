import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the clone lives. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The project's shared folder, beside the repository (in CI too). */
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
