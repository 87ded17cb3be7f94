// Writes docs/sru-indexes.md and the index block of README.md from conf/libgate.yaml (npm run docs:indexes).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfigFile } from '../src/config/load.js';
import { renderIndexDocs, renderIndexSummary, replaceReadmeBlock } from '../src/sru/index-docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { config } = loadConfigFile(path.join(root, 'conf', 'libgate.yaml'));
writeFileSync(path.join(root, 'docs', 'sru-indexes.md'), renderIndexDocs(config.indexes));
const readme = path.join(root, 'README.md');
writeFileSync(readme, replaceReadmeBlock(readFileSync(readme, 'utf8'), renderIndexSummary(config.indexes)));
process.stdout.write('wrote docs/sru-indexes.md and the index table in README.md\n');
