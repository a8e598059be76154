import type { Kysely } from 'kysely';
import {
  CANCELLED_BY_FILE,
  cancellationAfterPlan,
  type FileCancellation,
  fileCancellationOf,
  statusOf,
} from '../core/meeting/cancellationAfterPlan.js';
import type { OccurrenceRepository } from '../core/ports/occurrenceRepository.js';
import type { PlannedOccurrence } from '../core/schedule/occurrences.js';
import { toOccurrence } from './domainRows.js';
import { reusableQuery } from './reusableQuery.js';
import type { Database, OccurrenceRow } from './schema.js';

const iso = (d: Date) => d.toISOString();

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
  const between = async (groupId: string, from: Date, to: Date) =>
    (
      await db
        .selectFrom('occurrences')
        .selectAll()
        .where('group_id', '=', groupId)
        .where('starts_at', '>=', iso(from))
        .where('starts_at', '<', iso(to))
        .orderBy('starts_at')
        .execute()
    ).map(toOccurrence);

  const byId = async (id: number) =>
    toOccurrence(
      await db.selectFrom('occurrences').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );

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
            ...statusColumns(current, fileCancellationOf(p)),
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
            .set({ status: 'cancelled', cancelled_by: CANCELLED_BY_FILE, updated_at: iso(now) })
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

    find: async (groupId, startsAt) =>
      maybe(
        await db
          .selectFrom('occurrences')
          .selectAll()
          .where('group_id', '=', groupId)
          .where('starts_at', '=', startsAt)
          .executeTakeFirst(),
      ),

    next: async (groupId, after) => maybe((await nextScheduled({ groupId, after: iso(after) }))[0]),

    onDate: async (groupId, localDate) =>
      (
        await db
          .selectFrom('occurrences')
          .selectAll()
          .where('group_id', '=', groupId)
          .where('local_date', '=', localDate)
          .orderBy('starts_at')
          .execute()
      ).map(toOccurrence),

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
      return maybe(result);
    },

    async setCancelled(id, cancelledBy, now) {
      await db
        .updateTable('occurrences')
        .set({
          status: statusOf(cancelledBy),
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

const maybe = (row: OccurrenceRow | undefined) => (row ? toOccurrence(row) : undefined);

function sameFields(current: OccurrenceRow, next: Partial<OccurrenceRow>): boolean {
  return Object.entries(next).every(([column, value]) => current[column as keyof OccurrenceRow] === value);
}

/** The file's say on a stored meeting's cancellation (see cancellationAfterPlan), as columns. */
function statusColumns(
  current: OccurrenceRow,
  byFile: FileCancellation,
): Pick<OccurrenceRow, 'status' | 'cancelled_by'> {
  const next = cancellationAfterPlan({ status: current.status, cancelledBy: current.cancelled_by }, byFile);
  return { status: next.status, cancelled_by: next.cancelledBy };
}

function newRow(groupId: string, p: PlannedOccurrence, now: Date) {
  return {
    group_id: groupId,
    starts_at: iso(p.startsAt),
    ends_at: iso(p.endsAt),
    local_date: p.localDate,
    title: p.title,
    source: p.source,
    rule_id: p.ruleId,
    status: p.cancelled ? ('cancelled' as const) : ('scheduled' as const),
    cancelled_by: p.cancelled ? CANCELLED_BY_FILE : null,
    join_url: p.joinUrl ?? null,
    dial_in: p.dialIn ?? null,
    minutes_doc_id: null,
    minutes_url: null,
    created_at: iso(now),
    updated_at: iso(now),
  };
}
