import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';
import { openDatabase, type Database } from '../../src/store/db.js';
import { migrateToLatest } from '../../src/store/migration-source.js';

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a private schema on
 * the PostgreSQL server named by DATABASE_URL (dropped again by `close`). No mocked store.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ dataDir: 'memory' });
    await migrateToLatest(db.knex);
    return db;
  }
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  // Extensions are database-wide; creating them in public first keeps every test schema able to use them.
  await admin.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
  await admin.raw('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public');
  await admin.raw(`CREATE SCHEMA ${schema}`);
  const db = await openDatabase({ url, searchPath: [schema, 'public'], pool: { min: 0, max: 4 } });
  await migrateToLatest(db.knex);
  return {
    knex: db.knex,
    kind: db.kind,
    async close() {
      await db.close();
      await admin.raw(`DROP SCHEMA ${schema} CASCADE`);
      await admin.destroy();
    },
  };
}

export function databaseLabel(): string {
  return process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
}
