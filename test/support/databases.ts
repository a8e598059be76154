import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { type OpenedDatabase, openDatabase } from '../../src/store/openDatabase.js';

export const silentLogger = pino({ level: 'silent' });

/** Where the test PostgreSQL server lives (CI starts it; trust auth). */
export const POSTGRES_ADMIN_URL =
  process.env.GAVEL_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const postgresUp = await postgresReachable();
if (!postgresUp && process.env.GAVEL_REQUIRE_POSTGRES === '1') {
  throw new Error(`GAVEL_REQUIRE_POSTGRES=1 but PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}`);
}

export type Engine = 'sqlite' | 'postgres';
/** The engines this run tests against: PostgreSQL whenever it is reachable (always in CI). */
export const ENGINES: readonly Engine[] = postgresUp ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  readonly engine: Engine;
  /** DATABASE_URL for the app (undefined for SQLite: the app uses `dataDir`). */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly opened: OpenedDatabase;
  /** Closes the connection and drops the database or deletes the file. */
  dispose(): Promise<void>;
}

/** A brand-new, migrated database: a SQLite file in a temp folder, or a fresh PostgreSQL database. */
export async function freshDatabase(engine: Engine): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gavel-test-'));
  const databaseUrl = engine === 'postgres' ? await createPostgresDatabase() : undefined;
  const opened = await openDatabase({
    databaseUrl,
    sqlitePath: join(dataDir, 'gavel.sqlite'),
    logger: silentLogger,
  });
  return {
    engine,
    databaseUrl,
    dataDir,
    opened,
    async dispose() {
      await opened.close();
      if (databaseUrl) await dropPostgresDatabase(databaseUrl);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Where a database would be, not yet opened or migrated: for tests of opening itself. */
export async function blankDatabase(
  engine: Engine,
): Promise<{ databaseUrl: string | undefined; sqlitePath: string; dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gavel-test-'));
  const databaseUrl = engine === 'postgres' ? await createPostgresDatabase() : undefined;
  return {
    databaseUrl,
    sqlitePath: join(dataDir, 'gavel.sqlite'),
    async dispose() {
      if (databaseUrl) await dropPostgresDatabase(databaseUrl);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function createPostgresDatabase(): Promise<string> {
  const name = `gavel_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropPostgresDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await adminQuery(`drop database if exists ${name} with (force)`);
}
