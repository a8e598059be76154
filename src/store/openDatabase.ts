import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from '../log/logger.js';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** A cheap round trip, for /healthz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…` selects PostgreSQL; unset selects the SQLite file. */
  readonly databaseUrl: string | undefined;
  readonly sqlitePath: string;
  readonly logger: Logger;
  /** PostgreSQL may still be starting (compose, Kubernetes): how long to keep trying. */
  readonly connectAttempts?: number;
}

/** Opens the database, waits for it to answer, and brings its schema up to date. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const opened = opts.databaseUrl ? openPostgres(opts.databaseUrl) : openSqlite(opts.sqlitePath);
  try {
    await waitUntilReachable(opened, opts.connectAttempts ?? 10, opts.logger);
    await migrate(opened.db, opened.dialect, opts.logger);
    return opened;
  } catch (error) {
    await opened.close();
    throw error;
  }
}

function openSqlite(path: string): OpenedDatabase {
  const database = new SQLite(path);
  // WAL lets the calendar feed and health checks read while a job writes; busy_timeout makes a
  // second process (the CLI, a test) wait for the lock instead of failing at once.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', ping: () => ping(db), close: () => db.destroy() };
}

function openPostgres(connectionString: string): OpenedDatabase {
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection (a PostgreSQL restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', ping: () => ping(db), close: () => db.destroy() };
}

async function ping(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilReachable(opened: OpenedDatabase, attempts: number, log: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`.execute(opened.db);
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      const delayMs = Math.min(250 * 2 ** (attempt - 1), 5000);
      log.warn({ attempt, delayMs, err: error }, 'database not reachable yet; retrying');
      await sleep(delayMs);
    }
  }
}

async function migrate(db: Kysely<Database>, dialect: Dialect, log: Logger): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) {
    if (r.status === 'Success') log.info({ migration: r.migrationName }, 'migration applied');
    if (r.status === 'Error') log.error({ migration: r.migrationName }, 'migration failed');
  }
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
}
