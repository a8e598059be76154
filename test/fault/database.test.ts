import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import pg from 'pg';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, POSTGRES_ADMIN_URL } from '../support/databases.js';
import { type GavelHarness, startHarness } from '../support/gavelHarness.js';
import { openDatabase } from '../../src/store/openDatabase.js';

const MONDAY_NOON = '2026-11-23T12:00:00.000Z';

/** A logger whose lines the test reads. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

/** A port on 127.0.0.1 that nothing listens on (bound once, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const databaseUrl = (name: string) => {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

describe.runIf(ENGINES.includes('postgres'))('PostgreSQL unavailable at start', () => {
  it('retries a bounded number of times, one log line each, then fails with an error naming where', async () => {
    const port = await closedPort();
    const { log, lines } = capturingLogger();
    const waits: number[] = [];
    const opening = openDatabase({
      databaseUrl: `postgres://gavel:hunter2-secret@127.0.0.1:${port}/gavel`,
      sqlitePath: '/nonexistent/unused.sqlite',
      logger: log,
      connectAttempts: 4,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    await expect(opening).rejects.toThrow(
      new RegExp(
        `^cannot reach the database at 127\\.0\\.0\\.1:${port}/gavel after 4 attempts \\(check DATABASE_URL\\): .*ECONNREFUSED`,
      ),
    );
    expect(waits).toEqual([250, 500, 1000]);
    const retries = lines.filter((l) => l['msg'] === 'database not reachable yet; retrying');
    expect(retries.map((l) => l['attempt'])).toEqual([1, 2, 3]);
    expect(JSON.stringify(lines)).not.toContain('hunter2-secret');
    await opening.catch((error: unknown) => expect(String(error)).not.toContain('hunter2-secret'));
  });

  it('says so plainly when the database does not exist', async () => {
    const name = `gavel_missing_${randomBytes(4).toString('hex')}`;
    await expect(
      openDatabase({
        databaseUrl: databaseUrl(name),
        sqlitePath: '/nonexistent/unused.sqlite',
        logger: pino({ level: 'silent' }),
        connectAttempts: 2,
        sleep: () => Promise.resolve(),
      }),
    ).rejects.toThrow(`cannot reach the database at 127.0.0.1:5432/${name} after 2 attempts`);
  });

  it('starts once the database appears while it is retrying', async () => {
    const name = `gavel_late_${randomBytes(4).toString('hex')}`;
    try {
      const opened = await openDatabase({
        databaseUrl: databaseUrl(name),
        sqlitePath: '/nonexistent/unused.sqlite',
        logger: pino({ level: 'silent' }),
        connectAttempts: 3,
        // The database is created during the first wait, as when PostgreSQL finishes starting.
        sleep: () => admin((c) => c.query(`create database ${name}`)).then(() => undefined),
      });
      try {
        expect(await opened.ping()).toBe(true);
        // Migrated: the tables are there.
        expect(await opened.db.selectFrom('jobs').select('id').execute()).toEqual([]);
      } finally {
        await opened.close();
      }
    } finally {
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    }
  });
});

describe.runIf(ENGINES.includes('postgres'))('PostgreSQL connection lost mid-run', () => {
  let h: GavelHarness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  /** What a PostgreSQL restart or failover does to the app's connections. */
  const terminateAppConnections = async (app: GavelHarness) => {
    const name = new URL(app.db.databaseUrl!).pathname.slice(1);
    const killed = await admin((c) =>
      c.query<{ pid: number }>(
        'select pg_terminate_backend(pid) as pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      ),
    );
    return killed.rowCount ?? 0;
  };

  it('answers the next command and runs the next tick after its connections were terminated', async () => {
    const app = (h = await startHarness({ engine: 'postgres', now: MONDAY_NOON }));
    const first = await app.command('/agenda', 'add Before the outage');
    expect(first.status).toBe(200);
    expect(await terminateAppConnections(app)).toBeGreaterThan(0);

    const second = await app.command('/agenda', 'add After the outage');
    expect(second.status).toBe(200);
    expect((second.body as { text?: string }).text).toContain('added #2 to the agenda');
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    app.clock.set(new Date('2026-11-26T16:50:00.000Z'));
    expect(await app.gavel.tick()).toBeGreaterThan(0);
    expect(app.slack.messages().filter((m) => String(m['text']).includes('Weekly call'))).toHaveLength(1);

    const topics = await app.gavel.database
      .selectFrom('agenda_items')
      .select(['number', 'topic'])
      .orderBy('number')
      .execute();
    expect(topics).toEqual([
      { number: 1, topic: 'Before the outage' },
      { number: 2, topic: 'After the outage' },
    ]);
  });
});
