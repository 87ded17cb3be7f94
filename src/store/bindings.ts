import type { Knex } from 'knex';

/**
 * Bindings for raw SQL. Arrays (with nulls) bind as PostgreSQL arrays in both pg and PGlite, which
 * is how batches go in one statement (`unnest(?::text[], …)`); knex's types only allow some shapes.
 */
export function bindings(...values: unknown[]): readonly Knex.RawBinding[] {
  return values as Knex.RawBinding[];
}
