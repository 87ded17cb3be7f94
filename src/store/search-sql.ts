import type { KeyCondition, RecordFilter, SortSpec } from './search-types.js';

/**
 * A piece of SQL with `?` placeholders and the values bound to them, in order. The only way search
 * conditions reach the database: every value from a query is a binding, never SQL text.
 */
export interface SqlFragment {
  readonly sql: string;
  readonly bindings: readonly unknown[];
}

export function fragment(sql: string, bindings: readonly unknown[] = []): SqlFragment {
  return { sql, bindings };
}

/** Joins fragments with a separator, keeping bindings in textual order. */
export function join(parts: readonly SqlFragment[], separator: string): SqlFragment {
  return { sql: parts.map((p) => p.sql).join(separator), bindings: parts.flatMap((p) => p.bindings) };
}

/**
 * A boolean SQL expression over `records r` (alias `r`) for a filter. Key conditions are semi-joins
 * on record_keys (record_keys_lookup btree for equality, record_keys_num_ids for numbers,
 * record_keys_key_trgm / record_keys_value_trgm for regular expressions, record_keys_scan for text
 * ranges); text conditions use the GIN index on records.search_tsv.
 */
export function filterSql(filter: RecordFilter): SqlFragment {
  switch (filter.kind) {
    case 'all':
      return fragment('TRUE');
    case 'none':
      return fragment('FALSE');
    case 'text':
      return fragment('r.search_tsv @@ ?::tsquery', [filter.tsquery]);
    case 'hasKey':
      return fragment('r.id IN (SELECT k.record_id FROM record_keys k WHERE k.index_name = ?)', [filter.index]);
    case 'key': {
      const condition = keyConditionSql(filter.condition);
      return fragment(
        `r.id IN (SELECT k.record_id FROM record_keys k WHERE k.index_name = ? AND ${condition.sql})`,
        [filter.index, ...condition.bindings],
      );
    }
    case 'localId':
      if (filter.op === 'between') return fragment('r.local_id COLLATE "C" BETWEEN ? AND ?', [filter.low, filter.high]);
      return filter.op === '='
        ? fragment('r.local_id = ?', [filter.value])
        : fragment(`r.local_id COLLATE "C" ${filter.op} ?`, [filter.value]);
    case 'and':
    case 'or': {
      if (filter.filters.length === 0) return fragment(filter.kind === 'and' ? 'TRUE' : 'FALSE');
      const parts = filter.filters.map(filterSql);
      const joined = join(parts.map((p) => fragment(`(${p.sql})`, p.bindings)), filter.kind === 'and' ? ' AND ' : ' OR ');
      return fragment(`(${joined.sql})`, joined.bindings);
    }
    case 'andNot': {
      const left = filterSql(filter.left);
      const right = filterSql(filter.right);
      return fragment(`((${left.sql}) AND NOT (${right.sql}))`, [...left.bindings, ...right.bindings]);
    }
  }
}

function keyConditionSql(c: KeyCondition): SqlFragment {
  if (c.column === 'key') {
    switch (c.op) {
      case '=': return fragment('k.key = ?', [c.value]);
      case 'regex': return fragment('k.key ~ ?', [c.value]);
      case 'between': return fragment('k.key COLLATE "C" BETWEEN ? AND ?', [c.low, c.high]);
      default: return fragment(`k.key COLLATE "C" ${c.op} ?`, [c.value]);
    }
  }
  if (c.column === 'num') {
    if (c.op === 'between') return fragment('k.num BETWEEN ?::numeric AND ?::numeric', [c.low, c.high]);
    return fragment(`k.num ${c.op} ?::numeric`, [c.value]);
  }
  switch (c.respect) {
    case 'exact': return fragment('k.value ~ ?', [c.value]);
    case 'accents': return fragment('k.value ~* ?', [c.value]);
    case 'case': return fragment('unaccent(k.value) ~ ?', [c.value]);
  }
}

/** A predicate "r.id is in the result of filter", for callers that select records their own way (OAI sets). */
export function predicateSql(filter: RecordFilter): SqlFragment {
  const where = filterSql(filter);
  return fragment(`(NOT r.deleted AND ${where.sql})`, where.bindings);
}

/** LEFT JOINs and ORDER BY terms for sort keys (text in byte order, like scan). */
export function sortSql(sort: readonly SortSpec[], rank: string | undefined): { joins: SqlFragment; orderBy: SqlFragment; omit: SqlFragment[] } {
  const joins: SqlFragment[] = [];
  const order: SqlFragment[] = [];
  const omit: SqlFragment[] = [];
  sort.forEach((key, i) => {
    const alias = `s${i}`;
    joins.push(fragment(`LEFT JOIN record_sort_keys ${alias} ON ${alias}.record_id = r.id AND ${alias}.index_name = ?`, [key.index]));
    if (key.missing === 'omit') omit.push(fragment(`${alias}.key IS NOT NULL`));
    const nulls = key.missing === 'low'
      ? (key.descending ? 'NULLS LAST' : 'NULLS FIRST')
      : key.missing === 'high' ? (key.descending ? 'NULLS FIRST' : 'NULLS LAST') : 'NULLS LAST';
    order.push(fragment(`${alias}.key COLLATE "C" ${key.descending ? 'DESC' : 'ASC'} ${nulls}`));
  });
  if (rank !== undefined) order.push(fragment('ts_rank_cd(r.search_tsv, ?::tsquery) DESC', [rank]));
  order.push(fragment('r.id ASC'));
  return { joins: join(joins, ' '), orderBy: join(order, ', '), omit };
}
