import type { Knex } from 'knex';
import * as m0001 from '../../migrations/0001-records.js';
import * as m0003 from '../../migrations/0003-search.js';
import * as m0005 from '../../migrations/0005-patrons-circulation.js';
import * as m0002oai from '../../migrations/0002-oai.js';
import * as m0004 from '../../migrations/0004-import-speed.js';
import * as m0006 from '../../migrations/0006-search-ranges.js';

/**
 * Migrations are listed here statically (not discovered on disk) so that the same code runs from
 * TypeScript under jest and from the compiled dist/ tree. Append new migrations; never reorder.
 */
const migrations: ReadonlyArray<readonly [string, Knex.Migration]> = [
  ['0001-records', m0001],
  ['0005-patrons-circulation', m0005],
  ['0003-search', m0003],
  ['0002-oai', m0002oai],
  ['0004-import-speed', m0004],
  ['0006-search-ranges', m0006],
];

export const migrationSource: Knex.MigrationSource<Knex.Migration> = {
  getMigrations: async () => migrations.map(([name, migration]) => ({ name, migration })) as never,
  getMigrationName: (entry) => (entry as unknown as { name: string }).name,
  getMigration: async (entry) => (entry as unknown as { migration: Knex.Migration }).migration,
};

/** Brings the schema up to date. Safe to run at every start (serialised by knex's migration lock). */
export async function migrateToLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest({ migrationSource })) as [number, string[]];
  return applied;
}
