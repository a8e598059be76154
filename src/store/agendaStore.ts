import { type Kysely, type Transaction, sql } from 'kysely';
import type { AgendaRepository, NewAgendaItem } from '../core/ports/agendaRepository.js';
import { githubAgendaStore } from './githubAgendaStore.js';
import type { AgendaItem } from '../core/model/agendaItem.js';
import { toAgendaItem } from './domainRows.js';
import type { AgendaItemRow, Database } from './schema.js';
import { keyedBatcher } from './keyedBatcher.js';
import { retryOnNumberConflict } from './retryOnNumberConflict.js';
import { isRowId } from './rowId.js';

const iso = (d: Date) => d.toISOString();

interface PendingAdd {
  readonly item: NewAgendaItem;
  readonly now: Date;
}

/**
 * Inserts adds to one meeting as one statement: each row takes "the meeting's highest number
 * plus its place in the batch", all read from the same snapshot, so the batch is numbered
 * max+1 … max+k in order. The rows come back sorted by number, which is batch order.
 */
async function insertAdds(db: Kysely<Database>, batch: readonly PendingAdd[]): Promise<AgendaItem[]> {
  const rows = batch.map(({ item, now }, i) =>
    db
      .selectFrom('agenda_items')
      .where('group_id', '=', item.groupId)
      .where('meeting_starts_at', '=', item.meetingStartsAt)
      .select([
        text(item.groupId).as('group_id'),
        text(item.meetingStartsAt).as('meeting_starts_at'),
        sql<number>`coalesce(max(number), 0) + ${i + 1}`.as('number'),
        text(item.topic).as('topic'),
        text(item.details).as('details'),
        text(item.authorId).as('author_id'),
        text('open').as('status'),
        text(null).as('rolled_from'),
        sql<number | null>`cast(${item.timeboxMinutes ?? null} as integer)`.as('timebox_minutes'),
        text(iso(now)).as('created_at'),
        text(iso(now)).as('updated_at'),
      ]),
  );
  const [first, ...rest] = rows;
  if (!first) return [];
  const inserted = await db
    .insertInto('agenda_items')
    .columns([
      'group_id',
      'meeting_starts_at',
      'number',
      'topic',
      'details',
      'author_id',
      'status',
      'rolled_from',
      'timebox_minutes',
      'created_at',
      'updated_at',
    ])
    .expression(rest.reduce((all, row) => all.unionAll(row), first))
    .returningAll()
    .execute();
  return inserted.sort((a, b) => a.number - b.number).map(toAgendaItem);
}

/**
 * Agenda items on SQLite and PostgreSQL. A number is always taken as "the meeting's highest
 * plus one" inside the statement that writes it, and the unique (group, meeting, number)
 * constraint is the arbiter: on PostgreSQL two concurrent writers can compute the same number,
 * the second then fails on the constraint and simply tries again with a fresh snapshot.
 * (SQLite runs one statement at a time, so it never conflicts.)
 */
export function agendaStore(db: Kysely<Database>): AgendaRepository {
  // Adds to one meeting that arrive while one is being written go in together, numbered in
  // one statement: on PostgreSQL a burst of separate adds would all compute the same number
  // and all but one fail and retry, again and again. Other replicas are still kept apart by
  // the unique constraint and retryOnNumberConflict.
  const adds = keyedBatcher((batch: readonly PendingAdd[]) =>
    retryOnNumberConflict(() => insertAdds(db, batch)),
  );
  const forMeeting = (groupId: string, meetingStartsAt: string) =>
    db
      .selectFrom('agenda_items')
      .selectAll()
      .where('group_id', '=', groupId)
      .where('meeting_starts_at', '=', meetingStartsAt)
      .orderBy(inOrder)
      .orderBy('number');

  const rowById = async (id: number) =>
    isRowId(id)
      ? db.selectFrom('agenda_items').selectAll().where('id', '=', id).executeTakeFirst()
      : undefined;
  const byId = async (id: number) => maybe(await rowById(id));

  return {
    openForMeeting: async (groupId, meetingStartsAt) =>
      (await forMeeting(groupId, meetingStartsAt).where('status', '=', 'open').execute()).map(toAgendaItem),

    forMeeting: async (groupId, meetingStartsAt) =>
      (await forMeeting(groupId, meetingStartsAt).execute()).map(toAgendaItem),

    openChangedSince: async (groupId, since) =>
      (
        await db
          .selectFrom('agenda_items')
          .selectAll()
          .where('group_id', '=', groupId)
          .where('status', '=', 'open')
          .where('updated_at', '>=', since)
          .orderBy('id')
          .execute()
      ).map(toAgendaItem),

    byNumber: async (groupId, meetingStartsAt, number) =>
      maybe(await forMeeting(groupId, meetingStartsAt).where('number', '=', number).executeTakeFirst()),

    byId,

    add: (item, now) => adds.submit(JSON.stringify([item.groupId, item.meetingStartsAt]), { item, now }),

    async remove(id) {
      const result = await db.deleteFrom('agenda_items').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    move: (id, toMeetingStartsAt, now) =>
      retryOnNumberConflict(async () => {
        const item = await rowById(id);
        if (!item) throw new Error(`agenda item ${id} not found`);
        return toAgendaItem(await moveItem(db, item, toMeetingStartsAt, now, item.rolled_from));
      }),

    setStatus: async (id, status, now) =>
      toAgendaItem(
        await db
          .updateTable('agenda_items')
          .set({ status, updated_at: iso(now) })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow(),
      ),

    rollOver: (groupId, from, to, now) =>
      retryOnNumberConflict(() =>
        db.transaction().execute(async (tx) => {
          const open = await tx
            .selectFrom('agenda_items')
            .selectAll()
            .where('group_id', '=', groupId)
            .where('meeting_starts_at', '=', from)
            .where('status', '=', 'open')
            .orderBy(inOrder)
            .orderBy('number')
            .execute();
          const moved: AgendaItem[] = [];
          for (const item of open) {
            moved.push(toAgendaItem(await moveItem(tx, item, to, now, item.rolled_from ?? from)));
          }
          return moved;
        }),
      ),

    reorder: (groupId, meetingStartsAt, numbers, now) =>
      db.transaction().execute(async (tx) => {
        const open = await tx
          .selectFrom('agenda_items')
          .selectAll()
          .where('group_id', '=', groupId)
          .where('meeting_starts_at', '=', meetingStartsAt)
          .where('status', '=', 'open')
          .orderBy(inOrder)
          .orderBy('number')
          .execute();
        const byNumber = new Map(open.map((r) => [r.number, r]));
        if (open.length !== numbers.length || numbers.some((n) => !byNumber.has(n))) return false;
        // The places open items hold now, handed out in the new order.
        const places = open.map((r) => r.position ?? r.number);
        for (const [i, n] of numbers.entries()) {
          const row = byNumber.get(n)!;
          if ((row.position ?? row.number) === places[i]) continue;
          await tx
            .updateTable('agenda_items')
            .set({ position: places[i]!, updated_at: iso(now) })
            .where('id', '=', row.id)
            .execute();
        }
        return true;
      }),

    async dropOpen(groupId, meetingStartsAt, now) {
      const result = await db
        .updateTable('agenda_items')
        .set({ status: 'dropped', updated_at: iso(now) })
        .where('group_id', '=', groupId)
        .where('meeting_starts_at', '=', meetingStartsAt)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    ...githubAgendaStore(db),
  };
}

/** The order of discussion: a reordered item's position, else its number. */
const inOrder = sql<number>`coalesce(${sql.ref('position')}, ${sql.ref('number')})`;

/** A typed parameter in a select list (PostgreSQL cannot infer the type of a bare `$1` there). */
const text = (value: string | null) => sql<string>`cast(${value} as text)`;

const maybe = (row: AgendaItemRow | undefined) => (row ? toAgendaItem(row) : undefined);

function moveItem(
  db: Kysely<Database> | Transaction<Database>,
  item: AgendaItemRow,
  to: string,
  now: Date,
  rolledFrom: string | null,
): Promise<AgendaItemRow> {
  return db
    .updateTable('agenda_items')
    .set({
      meeting_starts_at: to,
      number: sql<number>`(select coalesce(max(a.number), 0) + 1 from agenda_items a where a.group_id = ${item.group_id} and a.meeting_starts_at = ${to})`,
      rolled_from: rolledFrom,
      // Numbered last on the other meeting, and so in its number's place there.
      position: null,
      updated_at: iso(now),
    })
    .where('id', '=', item.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
