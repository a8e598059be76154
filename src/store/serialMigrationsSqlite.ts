import { setTimeout as sleep } from 'node:timers/promises';
import {
  type DialectAdapter,
  type Kysely,
  type MigrationLockOptions,
  sql,
  SqliteAdapter,
  SqliteDialect,
} from 'kysely';

/** A lock older than this belongs to a process that died while migrating: it is taken over. */
const STALE_LOCK_MS = 60_000;
/** How long a second process waits for the first to finish migrating before it gives up. */
const WAIT_MS = 30_000;
const POLL_MS = 25;

/**
 * SQLite with migrations that two processes opening the same file at once run one after the
 * other. Kysely's SQLite adapter takes no lock (it assumes one connection), so two processes
 * would both find a migration missing and the second would fail half-way ("table already
 * exists"). Here the lock row Kysely keeps is claimed with one conditional update, holding the
 * time it was taken, so a process killed while migrating does not lock the file for good.
 */
export class SerialMigrationsSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new SerialMigrationsSqliteAdapter();
  }
}

class SerialMigrationsSqliteAdapter extends SqliteAdapter {
  override async acquireMigrationLock(db: Kysely<unknown>, opt: MigrationLockOptions): Promise<void> {
    const giveUpAt = Date.now() + WAIT_MS;
    for (;;) {
      const now = Date.now();
      const claimed = await sql`update ${sql.table(opt.lockTable)} set is_locked = ${now}
        where id = ${opt.lockRowId} and (is_locked = 0 or is_locked < ${now - STALE_LOCK_MS})`.execute(db);
      if (Number(claimed.numAffectedRows ?? 0) === 1) return;
      if (now > giveUpAt) {
        throw new Error(
          `another gavel process has been migrating this database for over ${WAIT_MS / 1000} s`,
        );
      }
      await sleep(POLL_MS);
    }
  }

  override async releaseMigrationLock(db: Kysely<unknown>, opt: MigrationLockOptions): Promise<void> {
    await sql`update ${sql.table(opt.lockTable)} set is_locked = 0 where id = ${opt.lockRowId}`.execute(db);
  }
}
