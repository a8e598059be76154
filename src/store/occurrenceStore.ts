import type { Kysely } from 'kysely';
import type { OccurrenceRepository, PlannedOccurrenceRow } from '../core/ports/occurrenceRepository.js';
import { reusableQuery } from './reusableQuery.js';
import type { Database, Occurrence } from './schema.js';

const iso = (d: Date) => d.toISOString();
const CONFIG = 'config';

export function occurrenceStore(db: Kysely<Database>): OccurrenceRepository {
  // Asked by every `/agenda add` before its ack: compiled once.
  const nextScheduled = reusableQuery(db, (slot: (name: 'groupId' | 'after') => string) =>
    db
      .selectFrom('occurrences')
      .selectAll()
      .where('group_id', '=', slot('groupId'))
      .where('status', '=', 'scheduled')
      .where('starts_at', '>', slot('after'))
      .orderBy('starts_at')
      .limit(1),
  );
  const between = (groupId: string, from: Date, to: Date) =>
    db
      .selectFrom('occurrences')
      .selectAll()
      .where('group_id', '=', groupId)
      .where('starts_at', '>=', iso(from))
      .where('starts_at', '<', iso(to))
      .orderBy('starts_at')
      .execute();

  const byId = (id: number) =>
    db.selectFrom('occurrences').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  return {
    async sync(groupId, planned, from, to, now) {
      await db.transaction().execute(async (tx) => {
        const existing = new Map(
          (
            await tx
              .selectFrom('occurrences')
              .selectAll()
              .where('group_id', '=', groupId)
              .where('starts_at', '>=', iso(from))
              .where('starts_at', '<', iso(to))
              .execute()
          ).map((o) => [o.starts_at, o]),
        );
        const seen = new Set<string>();
        const added: ReturnType<typeof newRow>[] = [];
        for (const p of planned) {
          const startsAt = iso(p.startsAt);
          seen.add(startsAt);
          const current = existing.get(startsAt);
          if (!current) {
            added.push(newRow(groupId, p, now));
            continue;
          }
          const next = {
            ends_at: iso(p.endsAt),
            title: p.title,
            join_url: p.joinUrl ?? null,
            dial_in: p.dialIn ?? null,
            ...nextStatus(current, p.cancelled),
          };
          // Re-planning every group daily rewrites nothing that did not change.
          if (sameFields(current, next)) continue;
          await tx
            .updateTable('occurrences')
            .set({ ...next, updated_at: iso(now) })
            .where('id', '=', current.id)
            .execute();
        }
        // One statement per chunk rather than per meeting; chunks stay far below SQLite's
        // bound-parameter limit.
        for (let i = 0; i < added.length; i += 50) {
          await tx
            .insertInto('occurrences')
            .values(added.slice(i, i + 50))
            .execute();
        }
        // Meetings the file no longer produces: cancelled rather than deleted, so agenda items
        // attached to them are never lost, and undone if the file brings the meeting back.
        const gone = [...existing.values()].filter(
          (o) => !seen.has(o.starts_at) && o.source !== 'added' && o.status === 'scheduled',
        );
        if (gone.length > 0) {
          await tx
            .updateTable('occurrences')
            .set({ status: 'cancelled', cancelled_by: CONFIG, updated_at: iso(now) })
            .where(
              'id',
              'in',
              gone.map((o) => o.id),
            )
            .execute();
        }
      });
      return between(groupId, from, to);
    },

    find: (groupId, startsAt) =>
      db
        .selectFrom('occurrences')
        .selectAll()
        .where('group_id', '=', groupId)
        .where('starts_at', '=', startsAt)
        .executeTakeFirst(),

    next: async (groupId, after) => (await nextScheduled({ groupId, after: iso(after) }))[0],

    onDate: (groupId, localDate) =>
      db
        .selectFrom('occurrences')
        .selectAll()
        .where('group_id', '=', groupId)
        .where('local_date', '=', localDate)
        .orderBy('starts_at')
        .execute(),

    between,

    async add(row, now) {
      const result = await db
        .insertInto('occurrences')
        .values({
          group_id: row.groupId,
          starts_at: iso(row.startsAt),
          ends_at: iso(row.endsAt),
          local_date: row.localDate,
          title: row.title,
          source: 'added',
          rule_id: null,
          status: 'scheduled',
          cancelled_by: null,
          join_url: row.joinUrl ?? null,
          dial_in: row.dialIn ?? null,
          minutes_doc_id: null,
          minutes_url: null,
          created_at: iso(now),
          updated_at: iso(now),
        })
        .onConflict((oc) => oc.columns(['group_id', 'starts_at']).doNothing())
        .returningAll()
        .executeTakeFirst();
      return result;
    },

    async setCancelled(id, cancelledBy, now) {
      await db
        .updateTable('occurrences')
        .set({
          status: cancelledBy === null ? 'scheduled' : 'cancelled',
          cancelled_by: cancelledBy,
          updated_at: iso(now),
        })
        .where('id', '=', id)
        .execute();
      return byId(id);
    },

    async setMinutes(id, docId, url, now) {
      await db
        .updateTable('occurrences')
        .set({ minutes_doc_id: docId, minutes_url: url, updated_at: iso(now) })
        .where('id', '=', id)
        .execute();
    },
  };
}

function sameFields(current: Occurrence, next: Partial<Occurrence>): boolean {
  return Object.entries(next).every(([column, value]) => current[column as keyof Occurrence] === value);
}

/** groups.yml cancellations come and go with the file; a lead's cancellation in Slack stays. */
function nextStatus(
  current: Occurrence,
  cancelledInFile: boolean,
): Pick<Occurrence, 'status' | 'cancelled_by'> {
  if (cancelledInFile) {
    return current.status === 'cancelled'
      ? { status: 'cancelled', cancelled_by: current.cancelled_by }
      : { status: 'cancelled', cancelled_by: CONFIG };
  }
  if (current.status === 'cancelled' && current.cancelled_by === CONFIG) {
    return { status: 'scheduled', cancelled_by: null };
  }
  return { status: current.status, cancelled_by: current.cancelled_by };
}

function newRow(groupId: string, p: PlannedOccurrenceRow, now: Date) {
  return {
    group_id: groupId,
    starts_at: iso(p.startsAt),
    ends_at: iso(p.endsAt),
    local_date: p.localDate,
    title: p.title,
    source: p.source,
    rule_id: p.ruleId,
    status: p.cancelled ? ('cancelled' as const) : ('scheduled' as const),
    cancelled_by: p.cancelled ? CONFIG : null,
    join_url: p.joinUrl ?? null,
    dial_in: p.dialIn ?? null,
    minutes_doc_id: null,
    minutes_url: null,
    created_at: iso(now),
    updated_at: iso(now),
  };
}
