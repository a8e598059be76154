import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/openDatabase.js';
import { blankDatabase, ENGINES, silentLogger } from '../support/databases.js';

/**
 * Replicas started together (a deployment's rollout, docker compose up) all open the same
 * empty database and bring its schema up to date at once. Kysely's migrator takes a lock
 * (a PostgreSQL advisory lock; SQLite's write lock) around the run: one replica applies each
 * migration, the others wait and find it applied.
 */
const REPLICAS = 4;

describe.each(ENGINES)('migrations when several replicas start at once on %s', (engine) => {
  it(`applies each migration once and every one of ${REPLICAS} replicas starts`, async () => {
    const blank = await blankDatabase(engine);
    try {
      const opened = await Promise.all(
        Array.from({ length: REPLICAS }, () =>
          openDatabase({
            databaseUrl: blank.databaseUrl,
            sqlitePath: blank.sqlitePath,
            logger: silentLogger,
          }),
        ),
      );
      try {
        const applied = await opened[0]!.db
          .selectFrom('kysely_migration' as never)
          .select('name' as never)
          .execute();
        const names = applied.map((r) => (r as { name: string }).name);
        expect(names.length).toBeGreaterThan(0);
        expect(new Set(names).size).toBe(names.length);
        // Every replica sees the whole schema: the newest table and index are there.
        for (const o of opened) {
          expect(await o.ping()).toBe(true);
          await expect(o.db.selectFrom('decisions').select('id').execute()).resolves.toEqual([]);
        }
      } finally {
        await Promise.all(opened.map((o) => o.close()));
      }
    } finally {
      await blank.dispose();
    }
  });
});
