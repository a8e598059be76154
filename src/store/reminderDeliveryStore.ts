import type { Kysely, Selectable } from 'kysely';
import type { ReminderDeliveries } from '../core/ports/reminderDeliveries.js';
import type { ReminderProgress } from '../core/reminder/reminderDelivery.js';
import type { Database, ReminderDeliveryTable } from './schema.js';

type Row = Selectable<ReminderDeliveryTable>;

export function reminderDeliveryStore(db: Kysely<Database>): ReminderDeliveries {
  return {
    async progress(key) {
      const row = await db
        .selectFrom('reminder_deliveries')
        .selectAll()
        .where('job_key', '=', key)
        .executeTakeFirst();
      return row ? fromRow(row) : { state: 'none' };
    },
    async record(key, progress, now) {
      const row = toRow(key, progress, now.toISOString());
      await db
        .insertInto('reminder_deliveries')
        .values(row)
        .onConflict((oc) => oc.column('job_key').doUpdateSet(row))
        .execute();
    },
    async scheduledAfter(keyPrefix, after) {
      const rows = await db
        .selectFrom('reminder_deliveries')
        .selectAll()
        .where('state', '=', 'scheduled')
        .where('post_at', '>', after.toISOString())
        .where('job_key', 'like', `${keyPrefix}%`)
        .execute();
      // LIKE treats `_` and `%` in a group id as wildcards: the prefix itself decides.
      return rows.flatMap((row) => {
        const p = fromRow(row);
        return row.job_key.startsWith(keyPrefix) && p.state === 'scheduled'
          ? [
              {
                key: row.job_key,
                postAt: p.postAt,
                scheduledMessageId: p.scheduledMessageId,
                ...(p.channelId === undefined ? {} : { channelId: p.channelId }),
              },
            ]
          : [];
      });
    },
    async forget(key) {
      await db.deleteFrom('reminder_deliveries').where('job_key', '=', key).execute();
    },
    async prune(before, limit) {
      // Bounded by `limit` (index reminder_deliveries_updated_at); the job lookup is one probe
      // of the unique index on jobs.key per row.
      const old = db
        .selectFrom('reminder_deliveries as d')
        .select('d.job_key')
        .where('d.updated_at', '<', before.toISOString())
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('jobs')
                .select('jobs.id')
                .whereRef('jobs.key', '=', 'd.job_key')
                .where('jobs.status', 'in', ['pending', 'running']),
            ),
          ),
        )
        .limit(limit);
      const result = await db
        .deleteFrom('reminder_deliveries')
        .where('job_key', 'in', old)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toRow(key: string, p: Exclude<ReminderProgress, { state: 'none' }>, updatedAt: string): Row {
  const base = {
    job_key: key,
    state: p.state,
    channel_id: null,
    post_at: null,
    text: null,
    scheduled_message_id: null,
    message_ts: null,
    updated_at: updatedAt,
  };
  switch (p.state) {
    case 'scheduling':
      return { ...base, channel_id: p.channelId, post_at: p.postAt.toISOString(), text: p.text };
    case 'scheduled':
      return {
        ...base,
        channel_id: p.channelId ?? null,
        post_at: p.postAt.toISOString(),
        scheduled_message_id: p.scheduledMessageId,
      };
    case 'posting':
      return base;
    case 'posted':
      return { ...base, message_ts: p.ts };
  }
}

/** A row the code did not write whole (a column lost) reads as a cut-off attempt: never reposted. */
function fromRow(row: Row): ReminderProgress {
  const postAt = row.post_at ? new Date(row.post_at) : undefined;
  switch (row.state) {
    case 'scheduling':
      return postAt && row.channel_id !== null && row.text !== null
        ? { state: 'scheduling', postAt, channelId: row.channel_id, text: row.text }
        : { state: 'posting' };
    case 'scheduled':
      return postAt && row.scheduled_message_id
        ? {
            state: 'scheduled',
            postAt,
            scheduledMessageId: row.scheduled_message_id,
            ...(row.channel_id === null ? {} : { channelId: row.channel_id }),
          }
        : { state: 'posting' };
    case 'posting':
      return { state: 'posting' };
    case 'posted':
      return { state: 'posted', ts: row.message_ts ?? '' };
  }
}
