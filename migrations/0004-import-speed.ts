import type { Knex } from 'knex';

/**
 * Import speed: a bulk load into an empty store drops the search indexes and foreign keys of the
 * derived tables, writes, and rebuilds them at the end (src/store/deferred-indexes.ts). What was
 * dropped is written here, in the same transaction as the drop, so an interrupted import can always
 * be repaired: every start that migrates recreates whatever this table still lists.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE deferred_indexes (
      name text PRIMARY KEY,
      table_name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('index', 'constraint')),
      definition text NOT NULL,
      deferred_at timestamptz NOT NULL DEFAULT now()
    )`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS deferred_indexes');
}
