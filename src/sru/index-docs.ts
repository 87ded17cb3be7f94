/**
 * docs/sru-indexes.md, generated from the config's index map (`npm run docs:indexes`), so the list
 * of indexes, relations and modifiers users read cannot drift from what the server does. A test
 * fails when the committed file differs from this output.
 */
import type { IndexConfig } from '../config/sections/indexes.js';
import { SUPPORTED } from './explain.js';
import { buildIndexCatalog, type CatalogIndex } from './index-catalog.js';
import { RECORD_SCHEMAS } from './record-schemas.js';

/** Relations the translator accepts per kind of index (cql-to-sql.ts). */
export function relationsFor(index: CatalogIndex): string[] {
  if (index.recordId) return ['=', '==', '<>', 'adj', 'all', 'any', '<', '<=', '>', '>=', 'within'];
  if (index.anywhere) return ['=', '<>', 'adj', 'all', 'any'];
  const base = ['=', '==', '<>', 'adj', 'all', 'any', '<', '<=', '>', '>=', 'within'];
  return index.config.type === 'date' || index.config.type === 'number' ? [...base, 'encloses'] : base;
}

export function maskingFor(index: CatalogIndex): string {
  if (index.recordId) return 'none';
  if (index.anywhere) return 'right truncation (`word*`)';
  switch (index.config.type) {
    case 'words': return '`*` `?` anywhere in a word, `^` first/last in field';
    case 'phrase': case 'identifier': return '`*` `?` over the whole value';
    default: return 'none';
  }
}

function sources(config: IndexConfig): string {
  if (config.recordId) return 'record identifier';
  if (config.sources.length === 0) return 'every data field';
  return config.sources.map((s) => (typeof s === 'string' ? s : `${s.field}${s.ind1 ? ` ind1=${s.ind1}` : ''}${s.ind2 ? ` ind2=${s.ind2}` : ''}`)).join(', ');
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function renderIndexDocs(indexes: Readonly<Record<string, IndexConfig>>): string {
  const catalog = buildIndexCatalog(indexes);
  const out: string[] = [];
  out.push('# SRU indexes, relations and modifiers');
  out.push('');
  out.push('<!-- Generated from conf/libgate.yaml by `npm run docs:indexes`; do not edit by hand. -->');
  out.push('');
  out.push('Every name in the first column can be used in a CQL query (`dc.title = history`) and in a scan');
  out.push('clause when the index can be scanned. Names are case-insensitive. `cql.allRecords = 1` matches');
  out.push('every record. See docs/sru.md for examples and the exact semantics.');
  out.push('');
  out.push('| CQL names | type | MARC sources | relations | masking | scan | sort |');
  out.push('|---|---|---|---|---|---|---|');
  for (const index of catalog.indexes) {
    const names = index.config.names.map((n) => `\`${n}\``).join(' ');
    const type = index.recordId ? 'record id' : index.anywhere ? 'words (anywhere)' : index.config.type;
    const scan = index.config.scan && !index.anywhere && !index.recordId ? 'yes' : 'no';
    const sort = index.config.sort && !index.anywhere && !index.recordId ? 'yes' : 'no';
    out.push(`| ${cell(names)} | ${type} | ${cell(sources(index.config))} | ${relationsFor(index).map((r) => `\`${r}\``).join(' ')} | ${maskingFor(index)} | ${scan} | ${sort} |`);
  }
  out.push('');
  out.push('## Relation modifiers');
  out.push('');
  out.push(SUPPORTED.relationModifiers.map((m) => `\`${m}\``).join(', ') + ' (also with the `cql.` prefix; `exact` is read as `string`).');
  out.push('Any other modifier is diagnostic 20 naming it.');
  out.push('');
  out.push('## Booleans and proximity');
  out.push('');
  out.push(`${SUPPORTED.booleans.map((b) => `\`${b}\``).join(', ')}; boolean modifiers are diagnostic 46. Proximity modifiers: ${SUPPORTED.proximityModifiers.map((m) => `\`${m}\``).join(', ')} (distance 1-19; words of one index).`);
  out.push('');
  out.push('## Sorting');
  out.push('');
  out.push(`\`sortby\` on indexes marked sort, with ${SUPPORTED.sortModifiers.map((m) => `\`sort.${m}\``).join(', ')}; missing values sort last unless told otherwise. SRU 1.1 and 2.0 \`sortKeys\` take the same index names.`);
  out.push('');
  out.push('## Record schemas');
  out.push('');
  out.push('| name | identifier |');
  out.push('|---|---|');
  for (const schema of RECORD_SCHEMAS) out.push(`| \`${schema.name}\` | \`${schema.identifier}\` |`);
  out.push('');
  return out.join('\n');
}
