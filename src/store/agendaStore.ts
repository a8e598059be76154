import { type Expression, type Kysely, type Transaction, sql } from 'kysely';
import type { AddedAtHand, AgendaRepository, NewAgendaItem } from '../core/ports/agendaRepository.js';
import { DAY_MS } from '../core/duration.js';
import { githubAgendaStore } from './githubAgendaStore.js';
import type { AgendaItem } from '../core/model/agendaItem.js';
import { toAgendaItem } from './domainRows.js';
import type { AgendaItemRow, Database } from './schema.js';
import { keyedBatcher } from './keyedBatcher.js';
import { retryOnNumberConflict } from './retryOnNumberConflict.js';
import { isRowId } from './rowId.js';
import type { Dialect } from './openDatabase.js';
import { PREPARED } from './reconnectingPool.js';

const iso = (d: Date) => d.toISOString();
/**
 * Two: the next batch is on its way while one commits, and batches stay large. Four made
 * them smaller and slower (more statements for the same adds; see the README's bench notes).
 */
const ADD_BATCHES_IN_FLIGHT = 2;

interface PendingAdd {
  readonly item: NewAgendaItem;
  readonly now: Date;
}

/**
 * Inserts adds to one meeting as one statement: each row takes "the meeting's highest number
 * plus its place in the batch", all read from the same snapshot, so the batch is numbered
 * max+1 … max+k in order. The rows come back sorted by number, which is batch order.
 */
async function insertAdds(
  db: Kysely<Database>,
  dialect: Dialect,
  batch: readonly PendingAdd[],
): Promise<AgendaItem[]> {
  if (dialect === 'postgres') return insertAddsPostgres(db, batch);
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
 * The same on PostgreSQL as one statement whose text does not grow with the batch: the items
 * travel as one array a column (unnest … with ordinality gives each its place), rather than a
 * UNION ALL of one SELECT an item, which made PostgreSQL parse and plan eleven parameters and
 * a subquery per item on every batch.
 */
async function insertAddsPostgres(db: Kysely<Database>, batch: readonly PendingAdd[]): Promise<AgendaItem[]> {
  const first = batch[0];
  if (!first) return [];
  const { groupId, meetingStartsAt } = first.item;
  const meeting = sql`select ${meetingStartsAt}::text as starts_at, null::text as ends_at`;
  const rows = await numberedInsertPostgres(db, groupId, meeting, batch, { meetingMustBeScheduled: false });
  return rows.map(toAgendaItem);
}

interface ItemToNumber {
  readonly item: Pick<NewAgendaItem, 'topic' | 'details' | 'authorId' | 'timeboxMinutes'>;
  readonly now: Date;
}

/**
 * Inserts `batch` on the meeting `meeting` yields (a row of starts_at, ends_at), numbered
 * after its items, in one statement; returns the rows in number order, each with the
 * meeting's end.
 *
 * The numbers are claimed on the meeting's occurrence row: the UPDATE locks it, so a second
 * batch to the same meeting in flight at the same time waits there, and PostgreSQL then reads
 * the row again as the first left it: it numbers after the first instead of colliding with
 * it. That is what lets several batches of one meeting be in flight at once. The counter is
 * only a hint (the greater of it and the items' highest is taken), and the unique constraint
 * stays the arbiter against writers that do not keep it (moves, rollovers). With
 * `meetingMustBeScheduled`, nothing is inserted unless the occurrence is still scheduled once
 * its row is locked (a cancel that landed meanwhile wins).
 */
async function numberedInsertPostgres(
  db: Kysely<Database>,
  groupId: string,
  meeting: Expression<unknown>,
  batch: readonly ItemToNumber[],
  { meetingMustBeScheduled }: { meetingMustBeScheduled: boolean },
): Promise<(AgendaItemRow & { meeting_ends_at: string | null })[]> {
  const column = <T>(of: (add: ItemToNumber) => T) => batch.map(of);
  const count = batch.length;
  const base = meetingMustBeScheduled
    ? sql`select (select number from claimed) as number`
    : // An item on a meeting with no row (a store test's) is numbered from the items alone.
      sql`select coalesce((select number from claimed), (select number from highest)) as number`;
  const result = await sql<AgendaItemRow & { meeting_ends_at: string | null }>`${sql.raw(PREPARED)}
    with meeting as (${meeting}),
    highest as (
      select coalesce(max(number), 0) as number from agenda_items
      where group_id = ${groupId} and meeting_starts_at = (select starts_at from meeting)
    ),
    claimed as (
      update occurrences set agenda_numbered = greatest(agenda_numbered, (select number from highest)) + ${count}
      where group_id = ${groupId} and starts_at = (select starts_at from meeting)
        ${meetingMustBeScheduled ? sql`and status = 'scheduled'` : sql``}
      returning agenda_numbered - ${count} as number
    ),
    base as (${base}),
    inserted as (
      insert into agenda_items (group_id, meeting_starts_at, number, topic, details, author_id, status,
        rolled_from, timebox_minutes, created_at, updated_at)
      select ${groupId}, (select starts_at from meeting), base.number + t.place, t.topic, t.details,
        t.author_id, 'open', null, t.timebox_minutes, t.at, t.at
      from unnest(
        ${column((a) => a.item.topic)}::text[], ${column((a) => a.item.details)}::text[],
        ${column((a) => a.item.authorId)}::text[], ${column((a) => a.item.timeboxMinutes ?? null)}::integer[],
        ${column((a) => iso(a.now))}::text[]
      ) with ordinality as t(topic, details, author_id, timebox_minutes, at, place)
      cross join base
      where base.number is not null
      returning *
    )
    select inserted.*, (select ends_at from meeting) as meeting_ends_at from inserted
  `.execute(db);
  return result.rows.sort((a, b) => a.number - b.number);
}

/**
 * The meeting an undated add goes on, as chooseMeeting picks it: the scheduled meeting in
 * progress at `now` (started in the last day, not ended), else the first scheduled one that
 * starts after `now` and before `before`. test/store/agendaAtHand.test.ts holds the two to
 * each other.
 */
function meetingAtHand(db: Kysely<Database>, groupId: string, now: Date, before: Date) {
  const at = iso(now);
  return db
    .selectFrom('occurrences')
    .select(['starts_at', 'ends_at'])
    .where('group_id', '=', groupId)
    .where('status', '=', 'scheduled')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('starts_at', '>=', iso(new Date(now.getTime() - DAY_MS))),
          eb('starts_at', '<=', at),
          eb('ends_at', '>', at),
        ]),
        eb.and([eb('starts_at', '>', at), eb('starts_at', '<', iso(before))]),
      ]),
    )
    .orderBy(sql`case when starts_at > ${at} then 1 else 0 end`)
    .orderBy('starts_at')
    .limit(1);
}

interface PendingAtHand {
  readonly item: Omit<NewAgendaItem, 'meetingStartsAt'>;
  readonly now: Date;
  readonly before: Date;
}

/**
 * Undated adds to one group, chosen a meeting and numbered together: one statement on
 * PostgreSQL, a read and a write on SQLite. The batch is placed as its latest add would be
 * (its items arrived within a few milliseconds of each other).
 */
async function addAtHand(
  db: Kysely<Database>,
  dialect: Dialect,
  batch: readonly PendingAtHand[],
): Promise<(AddedAtHand | undefined)[]> {
  const latest = batch.reduce((a, b) => (b.now > a.now ? b : a), batch[0]!);
  const groupId = latest.item.groupId;
  const choice = meetingAtHand(db, groupId, latest.now, latest.before);
  if (dialect === 'postgres') {
    const rows = await numberedInsertPostgres(db, groupId, choice, batch, { meetingMustBeScheduled: true });
    if (rows.length === 0) return batch.map(() => undefined);
    return rows.map((row) => ({
      item: toAgendaItem(row),
      meeting: { startsAt: row.meeting_starts_at, endsAt: row.meeting_ends_at ?? row.meeting_starts_at },
    }));
  }
  const meeting = await choice.executeTakeFirst();
  if (!meeting) return batch.map(() => undefined);
  const items = await insertAdds(
    db,
    dialect,
    batch.map(({ item, now }) => ({ item: { ...item, meetingStartsAt: meeting.starts_at }, now })),
  );
  return items.map((item) => ({ item, meeting: { startsAt: meeting.starts_at, endsAt: meeting.ends_at } }));
}

/**
 * Agenda items on SQLite and PostgreSQL. A number is always taken as "the meeting's highest
 * plus one" inside the statement that writes it, and the unique (group, meeting, number)
 * constraint is the arbiter: on PostgreSQL two concurrent writers can compute the same number,
 * the second then fails on the constraint and simply tries again with a fresh snapshot.
 * (SQLite runs one statement at a time, so it never conflicts.)
 */
export function agendaStore(db: Kysely<Database>, dialect: Dialect): AgendaRepository {
  // Adds to one meeting that arrive together go in one statement, numbered in it. On
  // PostgreSQL two such batches may be in flight at once, since the occurrence row orders
  // them (see numberedInsertPostgres); SQLite answers each before the next is asked anyway. Other
  // writers and replicas are still kept apart by the unique constraint and retryOnNumberConflict.
  const adds = keyedBatcher(
    (batch: readonly PendingAdd[]) => retryOnNumberConflict(() => insertAdds(db, dialect, batch)),
    { inFlight: dialect === 'postgres' ? ADD_BATCHES_IN_FLIGHT : 1 },
  );
  const atHand = keyedBatcher(
    (batch: readonly PendingAtHand[]) => retryOnNumberConflict(() => addAtHand(db, dialect, batch)),
    { inFlight: dialect === 'postgres' ? ADD_BATCHES_IN_FLIGHT : 1 },
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

    addToMeetingAtHand: (item, now, before) => atHand.submit(item.groupId, { item, now, before }),

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
