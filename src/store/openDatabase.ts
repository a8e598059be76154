import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { Kysely, type LogEvent, Migrator, PostgresDialect, sql } from 'kysely';
import type { Log } from '../core/ports/log.js';
import { cachedStatements } from './cachedStatements.js';
import { migrationProvider } from './migrations.js';
import { reconnectingPool } from './reconnectingPool.js';
import { SerialMigrationsSqliteDialect } from './serialMigrationsSqlite.js';
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
  readonly logger: Log;
  /** PostgreSQL may still be starting (compose, Kubernetes): how many times to try. */
  readonly connectAttempts?: number;
  /** Waits between attempts; tests pass their own so they never wait on real time. */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Told of every statement that failed, bar the unique-key conflicts the stores expect and
   * resolve themselves (metrics). Unset: Kysely logs nothing and times nothing.
   */
  readonly onQueryError?: (error: unknown) => void;
}

/** Opens the database, waits for it to answer, and brings its schema up to date. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const log = opts.onQueryError ? queryErrors(opts.onQueryError) : undefined;
  const opened = opts.databaseUrl
    ? await openPostgres(opts.databaseUrl, opts.logger, log)
    : openSqlite(opts.sqlitePath, log);
  try {
    await waitUntilReachable(opened, {
      attempts: opts.connectAttempts ?? 10,
      where: opts.databaseUrl ? postgresWhere(opts.databaseUrl) : opts.sqlitePath,
      sleep: opts.sleep ?? ((ms) => sleep(ms)),
      log: opts.logger,
    });
    await migrate(opened.db, opened.dialect, opts.logger);
    return opened;
  } catch (error) {
    await opened.close();
    throw error;
  }
}

type KyselyLog = (event: LogEvent) => void;

/** Kysely's log hook, passing on the errors only. */
function queryErrors(onError: (error: unknown) => void): KyselyLog {
  return (event) => {
    if (event.level === 'error' && !isUniqueViolation(event.error)) onError(event.error);
  };
}

/** PostgreSQL's 23505, SQLite's SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY: the stores retry or skip these. */
function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function openSqlite(path: string, log: KyselyLog | undefined): OpenedDatabase {
  const database = new SQLite(path);
  // WAL lets the calendar feed and health checks read while a job writes; busy_timeout makes a
  // second process (the CLI, a test) wait for the lock instead of failing at once.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({
    dialect: new SerialMigrationsSqliteDialect({ database: cachedStatements(database) }),
    ...(log ? { log } : {}),
  });
  return { db, dialect: 'sqlite', ping: () => ping(db), close: () => db.destroy() };
}

async function openPostgres(
  connectionString: string,
  log: Log,
  queryLog: KyselyLog | undefined,
): Promise<OpenedDatabase> {
  // Loaded only for PostgreSQL: the driver is memory the embedded-SQLite default never uses.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection (a PostgreSQL restart) must not crash the process;
  // the pool drops it and the next query opens a new one.
  pool.on('error', (error) =>
    log.warn({ reason: error.message }, 'an idle database connection was lost; reconnecting on demand'),
  );
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: reconnectingPool(pool) }),
    ...(queryLog ? { log: queryLog } : {}),
  });
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

interface Reachability {
  readonly attempts: number;
  /** host:port/database or the file: enough to find the problem, never the password. */
  readonly where: string;
  readonly sleep: (ms: number) => Promise<void>;
  readonly log: Log;
}

/**
 * Tries a bounded number of times with growing waits (0.25 s doubling up to 5 s: about 28 s
 * over the default 10 attempts), one log line per failed attempt, then gives up with one
 * error that says where and why, so a supervisor restarting us does not spin a crash loop.
 */
async function waitUntilReachable(opened: OpenedDatabase, r: Reachability): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`.execute(opened.db);
      return;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt >= r.attempts) {
        throw new Error(
          `cannot reach the database at ${r.where} after ${r.attempts} attempts (check DATABASE_URL): ${reason}`,
          { cause: error },
        );
      }
      const delayMs = Math.min(250 * 2 ** (attempt - 1), 5000);
      r.log.warn(
        { attempt, of: r.attempts, delayMs, database: r.where, reason },
        'database not reachable yet; retrying',
      );
      await r.sleep(delayMs);
    }
  }
}

function postgresWhere(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'DATABASE_URL (not a valid URL)';
  }
}

async function migrate(db: Kysely<Database>, dialect: Dialect, log: Log): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) {
    if (r.status === 'Success') log.info({ migration: r.migrationName }, 'migration applied');
    if (r.status === 'Error') log.error({ migration: r.migrationName }, 'migration failed');
  }
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
}
