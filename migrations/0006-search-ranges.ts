import type { Knex } from 'knex';

/**
 * Numeric ranges (`dc.date > 1950`, `>=`/`<=` pairs): the planner estimated `index_name = 'date'
 * AND num > 1950` as if the two columns were independent (num is NULL for every other index), e.g.
 * 558 rows for 15,488, and probed record_keys once per record instead of hashing the range.
 * - extended MCV statistics on (index_name, num), with a larger sample, give range estimates per
 *   index (15,479 estimated for 15,488);
 * - the numeric btree carries record_id, so a range is read from the index alone (no heap visit per
 *   key); it replaces record_keys_num (same key columns, same predicate).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE STATISTICS record_keys_index_num (mcv) ON index_name, num FROM record_keys');
  await knex.raw('ALTER STATISTICS record_keys_index_num SET STATISTICS 1000');
  await knex.raw('CREATE INDEX record_keys_num_ids ON record_keys (index_name, num) INCLUDE (record_id) WHERE num IS NOT NULL');
  await knex.raw('DROP INDEX IF EXISTS record_keys_num');
  await knex.raw('ANALYZE record_keys');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX IF NOT EXISTS record_keys_num ON record_keys (index_name, num) WHERE num IS NOT NULL');
  await knex.raw('DROP INDEX IF EXISTS record_keys_num_ids');
  await knex.raw('DROP STATISTICS IF EXISTS record_keys_index_num');
}
