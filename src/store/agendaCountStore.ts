import type { Kysely } from 'kysely';
import type { AgendaCountRepository } from '../core/ports/agendaCountRepository.js';
import type { Database } from './schema.js';

/** Agenda counts on SQLite and PostgreSQL: one row per (group, query), upserted. */
export function agendaCountStore(db: Kysely<Database>): AgendaCountRepository {
  const upsert = (
    row: Database['agenda_counts'],
    update: Partial<Omit<Database['agenda_counts'], 'group_id' | 'query'>>,
  ) =>
    db
      .insertInto('agenda_counts')
      .values(row)
      .onConflict((oc) => oc.columns(['group_id', 'query']).doUpdateSet(update))
      .execute();
  return {
    forGroup: async (groupId) =>
      (await db.selectFrom('agenda_counts').selectAll().where('group_id', '=', groupId).execute()).map(
        (r) => ({
          query: r.query,
          total: r.total,
          countedAt: r.counted_at,
          failure:
            r.failure_kind === null ? null : { kind: r.failure_kind, message: r.failure_message ?? '' },
        }),
      ),
    async recordTotal(groupId, query, total, now) {
      const at = now.toISOString();
      const values = { total, counted_at: at, failure_kind: null, failure_message: null, checked_at: at };
      await upsert({ group_id: groupId, query, ...values }, values);
    },
    async recordFailure(groupId, query, failure, now) {
      const at = now.toISOString();
      const values = {
        failure_kind: failure.kind,
        failure_message: failure.message.slice(0, 500),
        checked_at: at,
      };
      await upsert({ group_id: groupId, query, total: null, counted_at: null, ...values }, values);
    },
  };
}
