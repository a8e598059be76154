import type { Kysely } from 'kysely';
import type { SlackEventLog } from '../core/ports/slackEventLog.js';
import type { Database } from './schema.js';

export function slackEventStore(db: Kysely<Database>): SlackEventLog {
  return {
    async firstDelivery(eventId, now) {
      const result = await db
        .insertInto('slack_events')
        .values({ event_id: eventId, received_at: now.toISOString() })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async prune(before) {
      const result = await db
        .deleteFrom('slack_events')
        .where('received_at', '<', before.toISOString())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
