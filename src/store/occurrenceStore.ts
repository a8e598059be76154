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
import { DAY_MS } from '../core/duration.js';
import { keyedBatcher } from './keyedBatcher.js';
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
  // The rows in [from, to) and the first scheduled one after `after`, in one statement.
  const startedAndNext = reusableQuery(
    db,
    (slot: (name: 'groupId' | 'from' | 'to' | 'nextGroupId' | 'after') => string) =>
      db
        .selectFrom('occurrences')
        .selectAll()
        .where('group_id', '=', slot('groupId'))
        .where((eb) =>
          eb.or([
            eb.and([eb('starts_at', '>=', slot('from')), eb('starts_at', '<', slot('to'))]),
            eb(
              'starts_at',
              '=',
              eb
                .selectFrom('occurrences')
                .select((m) => m.fn.min('starts_at').as('first'))
                .where('group_id', '=', slot('nextGroupId'))
                .where('status', '=', 'scheduled')
                .where('starts_at', '>', slot('after')),
            ),
          ]),
        )
        .orderBy('starts_at'),
  );
  // Under a burst of `/agenda add`, the adds to one group read in the same turn of the event
  // loop share one lookup; each batch is read after its last lookup was asked for, so none is
  // answered from rows older than its question. Reads: a few batches may be in flight at once.
  const lookups = keyedBatcher(
    async (batch: readonly { groupId: string; now: Date }[]) => {
      const times = batch.map((b) => b.now.getTime());
      const earliest = Math.min(...times);
      const latest = Math.max(...times);
      const groupId = batch[0]?.groupId ?? '';
      const rows = (
        await startedAndNext({
          groupId,
          from: iso(new Date(earliest - DAY_MS)),
          to: iso(new Date(latest + 1)),
          nextGroupId: groupId,
          after: iso(new Date(latest)),
        })
      ).map(toOccurrence);
      return batch.map(({ now }) => {
        const from = iso(new Date(now.getTime() - DAY_MS));
        const at = now.toISOString();
        return {
          started: rows.filter((o) => o.startsAt >= from && o.startsAt <= at),
          next: rows.find((o) => o.startsAt > at && o.status === 'scheduled'),
        };
      });
    },
    { inFlight: 4 },
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
      // Read once, outside a transaction: PostgreSQL's read committed would not hold these rows
      // still inside one either, and the hourly re-plan that changes nothing is then one
      // statement instead of five. Writes that must land together get a transaction; a lone
      // multi-row insert (a new week of meetings) is atomic on its own.
      const existing = await db
        .selectFrom('occurrences')
        .selectAll()
        .where('group_id', '=', groupId)
        .where('starts_at', '>=', iso(from))
        .where('starts_at', '<', iso(to))
        .execute();
      const byStart = new Map(existing.map((o) => [o.starts_at, o]));
      const seen = new Set<string>();
      const added: ReturnType<typeof newRow>[] = [];
      const changed: { readonly id: number; readonly set: Partial<OccurrenceRow> }[] = [];
      for (const p of planned) {
        const startsAt = iso(p.startsAt);
        seen.add(startsAt);
        const current = byStart.get(startsAt);
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
        // Re-planning every group hourly rewrites nothing that did not change.
        if (!sameFields(current, next))
          changed.push({ id: current.id, set: { ...next, updated_at: iso(now) } });
      }
      // Meetings the file no longer produces: cancelled rather than deleted, so agenda items
      // attached to them are never lost, and undone if the file brings the meeting back.
      const gone = existing.filter(
        (o) => !seen.has(o.starts_at) && o.source !== 'added' && o.status === 'scheduled',
      );
      const goneSet = { status: 'cancelled' as const, cancelled_by: CANCELLED_BY_FILE, updated_at: iso(now) };
      const write = async (tx: Kysely<Database>) => {
        for (const c of changed)
          await tx.updateTable('occurrences').set(c.set).where('id', '=', c.id).execute();
        if (gone.length > 0) {
          await tx
            .updateTable('occurrences')
            .set(goneSet)
            .where(
              'id',
              'in',
              gone.map((o) => o.id),
            )
            .execute();
        }
        const inserted: OccurrenceRow[] = [];
        // One statement per chunk rather than per meeting; chunks stay far below SQLite's
        // bound-parameter limit. A replica planning the same group at the same moment may
        // insert a meeting first: it is left alone, and the rows are read back below.
        for (let i = 0; i < added.length; i += 50) {
          inserted.push(
            ...(await tx
              .insertInto('occurrences')
              .values(added.slice(i, i + 50))
              .onConflict((oc) => oc.columns(['group_id', 'starts_at']).doNothing())
              .returningAll()
              .execute()),
          );
        }
        return inserted;
      };
      const statements = changed.length + (gone.length > 0 ? 1 : 0) + Math.ceil(added.length / 50);
      if (statements === 0) return sortByStart(existing).map(toOccurrence);
      const inserted = statements === 1 ? await write(db) : await db.transaction().execute(write);
      if (inserted.length < added.length) return between(groupId, from, to);
      const goneIds = new Set(gone.map((o) => o.id));
      const changes = new Map(changed.map((c) => [c.id, c.set]));
      const rows = existing.map((o) =>
        goneIds.has(o.id) ? { ...o, ...goneSet } : { ...o, ...(changes.get(o.id) ?? {}) },
      );
      return sortByStart([...rows, ...inserted]).map(toOccurrence);
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

    startedOrNext: (groupId, now) => lookups.submit(groupId, { groupId, now }),

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

const sortByStart = (rows: readonly OccurrenceRow[]) =>
  [...rows].sort((a, b) => (a.starts_at < b.starts_at ? -1 : a.starts_at > b.starts_at ? 1 : 0));

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
