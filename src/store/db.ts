import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';

// PostgreSQL returns int8/numeric as strings by default; our ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number.parseInt(value, 10));
// A calendar date is text (YYYY-MM-DD), never a Date at some time zone's midnight.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  readonly knex: Knex;
  readonly kind: DatabaseKind;
  /** Drains the pool (PostgreSQL) or closes the embedded database (PGlite). */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for PostgreSQL; undefined for PGlite. */
  url?: string | undefined;
  /** PGlite only: a directory, or 'memory'. */
  dataDir?: string;
  pool?: { min: number; max: number };
  /** PostgreSQL only: statement_timeout set on every pooled connection. */
  statementTimeoutMs?: number;
  /** PostgreSQL only: schemas to search (tests use a private schema each). */
  searchPath?: readonly string[];
}

/** Opens the store's database. Never runs migrations: see migrate.ts. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options);
  return openPglite(options.dataDir ?? 'memory');
}

function openPostgres(url: string, options: DatabaseOptions): Database {
  const timeout = options.statementTimeoutMs ?? 0;
  const knex = knexFactory({
    client: 'pg',
    connection: url,
    ...(options.searchPath ? { searchPath: [...options.searchPath] } : {}),
    pool: {
      min: options.pool?.min ?? 0,
      max: options.pool?.max ?? 10,
      afterCreate(connection: pg.Client, done: (error: Error | null, connection: pg.Client) => void) {
        connection.query(`SET statement_timeout = ${Math.trunc(timeout)}; SET TIME ZONE 'UTC'`, (error) => done(error ?? null, connection));
      },
    },
  });
  return { knex, kind: 'postgres', close: () => knex.destroy() };
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === 'memory';
  if (!inMemory) mkdirSync(path.resolve(dataDir), { recursive: true });
  const pglite = new PGlite({
    ...(inMemory ? {} : { dataDir: path.resolve(dataDir) }),
    extensions: { pg_trgm, unaccent },
    parsers: { [DATE_OID]: (value: string) => value, 20: (value: string) => Number.parseInt(value, 10) },
  });
  await pglite.waitReady;
  await pglite.exec(`SET TIME ZONE 'UTC'`);
  const knex = knexFactory({
    client: ClientPgLite as unknown as typeof Knex.Client,
    dialect: 'postgres',
    connection: () => ({ pglite }) as object,
  } as Knex.Config);
  return {
    knex,
    kind: 'pglite',
    async close() {
      await knex.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
