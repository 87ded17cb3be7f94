import type { Knex } from 'knex';

/**
 * Indexes for CQL search beyond what ingest needed:
 * - trigram GIN on record_keys.key: masked terms (`*a`, `a?c`) and `^` anchoring as regular
 *   expressions, never a sequential scan;
 * - trigram GIN on record_keys.value: respectCase / respectAccents checks;
 * - byte-order btrees (COLLATE "C") for scan and sort, so both databases order terms alike;
 * - unaccent for the respectCase check (accents ignored, case kept).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await knex.raw('CREATE EXTENSION IF NOT EXISTS unaccent');
  await knex.raw('CREATE INDEX record_keys_key_trgm ON record_keys USING gin (key gin_trgm_ops)');
  await knex.raw('CREATE INDEX record_keys_value_trgm ON record_keys USING gin (value gin_trgm_ops)');
  await knex.raw('CREATE INDEX record_keys_scan ON record_keys (index_name, (key COLLATE "C"))');
  await knex.raw('CREATE INDEX record_sort_keys_c ON record_sort_keys (index_name, (key COLLATE "C"), record_id)');
}

export async function down(knex: Knex): Promise<void> {
  for (const index of ['record_keys_key_trgm', 'record_keys_value_trgm', 'record_keys_scan', 'record_sort_keys_c']) {
    await knex.raw(`DROP INDEX IF EXISTS ${index}`);
  }
}
