import type { Kysely } from 'kysely';
import type { EffectLedger } from '../core/ports/effectLedger.js';
import { toEffectState } from './domainRows.js';
import type { Database } from './schema.js';

/**
 * The effect ledger on SQLite and PostgreSQL: one row per effect key, written with an upsert
 * each time, so beginning again after a crash, or finishing an effect whose `begin` was lost,
 * needs no read first.
 */
export function effectLedgerStore(db: Kysely<Database>): EffectLedger {
  return {
    async state(key) {
      const row = await db.selectFrom('effects').selectAll().where('key', '=', key).executeTakeFirst();
      return row ? toEffectState(row) : undefined;
    },

    async begin(key, now) {
      const at = now.toISOString();
      const started = { state: 'started', result: null, started_at: at, updated_at: at } as const;
      await db
        .insertInto('effects')
        .values({ key, ...started })
        .onConflict((oc) => oc.column('key').doUpdateSet(started))
        .execute();
    },

    async finish(key, result, now) {
      const at = now.toISOString();
      const done = { state: 'done', result, updated_at: at } as const;
      // started_at stays the latest attempt's; a finish with no begin recorded has only now.
      await db
        .insertInto('effects')
        .values({ key, ...done, started_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet(done))
        .execute();
    },

    async forget(key) {
      await db.deleteFrom('effects').where('key', '=', key).execute();
    },
  };
}
