import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { MeetingRecordRepository } from '../core/ports/meetingRecordRepository.js';
import type { Decision } from '../core/model/meetingRecord.js';
import type { GroupId, SlackUserId } from '../core/ids.js';
import { toAbsence, toAttendance, toDecision, toRecording } from './domainRows.js';
import type { Database, DecisionRow } from './schema.js';
import { keyedBatcher } from './keyedBatcher.js';
import { retryOnNumberConflict } from './retryOnNumberConflict.js';
import { isRowId } from './rowId.js';

const iso = (d: Date) => d.toISOString();

/** The most decisions one search answers, whatever the caller asks for. */
export const MAX_DECISION_SEARCH_RESULTS = 500;

type NewDecision = Parameters<MeetingRecordRepository['addDecision']>[0];

interface PendingDecision {
  readonly decision: NewDecision;
  readonly now: Date;
}

/**
 * The meeting record on SQLite and PostgreSQL. Nothing here is ever deleted: retention prunes
 * jobs, deliveries and Slack event ids only.
 *
 * Decisions are numbered as agenda items are: "the group's highest plus one" inside the insert
 * that writes it, with the unique (group, number) constraint as the arbiter between replicas
 * (retryOnNumberConflict), and the decisions of one group that arrive together written in one
 * statement, so a burst does not turn into a storm of conflicts and retries on PostgreSQL.
 */
export function meetingRecordStore(db: Kysely<Database>): MeetingRecordRepository {
  const decisions = keyedBatcher((batch: readonly PendingDecision[]) =>
    retryOnNumberConflict(() => insertDecisions(db, batch)),
  );
  return {
    checkIn: (groupId, meetingStartsAt, userIds, recordedBy, now) =>
      checkIn(db, { groupId, meetingStartsAt, userIds, recordedBy, now }),

    attendees: async (groupId, meetingStartsAt) =>
      (
        await db
          .selectFrom('attendance')
          .selectAll()
          .where('group_id', '=', groupId)
          .where('meeting_starts_at', '=', meetingStartsAt)
          .orderBy('id')
          .execute()
      ).map(toAttendance),

    attendanceAt: async (groupId, meetingStartsAts) =>
      meetingStartsAts.length === 0
        ? []
        : (
            await db
              .selectFrom('attendance')
              .selectAll()
              .where('group_id', '=', groupId)
              .where('meeting_starts_at', 'in', meetingStartsAts)
              .orderBy('meeting_starts_at')
              .orderBy('id')
              .execute()
          ).map(toAttendance),

    async recordAbsence(groupId, meetingStartsAt, userId, recordedBy, now) {
      const result = await db
        .insertInto('absences')
        .values({
          group_id: groupId,
          meeting_starts_at: meetingStartsAt,
          user_id: userId,
          recorded_by: recordedBy,
          recorded_at: iso(now),
        })
        .onConflict((oc) => oc.columns(['group_id', 'meeting_starts_at', 'user_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    absencesAt: async (groupId, meetingStartsAts) =>
      meetingStartsAts.length === 0
        ? []
        : (
            await db
              .selectFrom('absences')
              .selectAll()
              .where('group_id', '=', groupId)
              .where('meeting_starts_at', 'in', meetingStartsAts)
              .orderBy('meeting_starts_at')
              .orderBy('id')
              .execute()
          ).map(toAbsence),

    addDecision: (decision, now) => decisions.submit(decision.groupId, { decision, now }),

    decisionById: async (id) =>
      isRowId(id)
        ? maybeDecision(await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst())
        : undefined,

    decisionsOf: async (groupId, meetingStartsAt) =>
      (
        await db
          .selectFrom('decisions')
          .selectAll()
          .where('group_id', '=', groupId)
          .where('meeting_starts_at', '=', meetingStartsAt)
          .orderBy('number')
          .execute()
      ).map(toDecision),

    searchDecisions: (groupId, words, limit) => searchDecisions(db, groupId, words, limit),

    allDecisions: async (groupId) =>
      (
        await db
          .selectFrom('decisions')
          .selectAll()
          .where('group_id', '=', groupId)
          .orderBy('number')
          .execute()
      ).map(toDecision),

    setRecording: async (groupId, meetingStartsAt, url, recordedBy, now) => {
      const row = {
        group_id: groupId,
        meeting_starts_at: meetingStartsAt,
        url,
        recorded_by: recordedBy,
        recorded_at: iso(now),
      };
      return toRecording(
        await db
          .insertInto('recordings')
          .values(row)
          .onConflict((oc) =>
            oc
              .columns(['group_id', 'meeting_starts_at'])
              .doUpdateSet({ url: row.url, recorded_by: row.recorded_by, recorded_at: row.recorded_at }),
          )
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    },

    recording: async (groupId, meetingStartsAt) => {
      const row = await db
        .selectFrom('recordings')
        .selectAll()
        .where('group_id', '=', groupId)
        .where('meeting_starts_at', '=', meetingStartsAt)
        .executeTakeFirst();
      return row ? toRecording(row) : undefined;
    },

    recordingsOf: async (groupId, meetingStartsAts) =>
      meetingStartsAts.length === 0
        ? []
        : (
            await db
              .selectFrom('recordings')
              .selectAll()
              .where('group_id', '=', groupId)
              .where('meeting_starts_at', 'in', meetingStartsAts)
              .orderBy('meeting_starts_at')
              .execute()
          ).map(toRecording),

    recordedSince: async (groupId, since) => {
      const [attendance, decisions, recordings] = await Promise.all([
        db
          .selectFrom('attendance')
          .selectAll()
          .where('group_id', '=', groupId)
          .where('recorded_at', '>=', since)
          .orderBy('id')
          .execute(),
        db
          .selectFrom('decisions')
          .selectAll()
          .where('group_id', '=', groupId)
          .where('created_at', '>=', since)
          .orderBy('number')
          .execute(),
        db
          .selectFrom('recordings')
          .selectAll()
          .where('group_id', '=', groupId)
          .where('recorded_at', '>=', since)
          .execute(),
      ]);
      return {
        attendance: attendance.map(toAttendance),
        decisions: decisions.map(toDecision),
        recordings: recordings.map(toRecording),
      };
    },
    groupsRecordedSince: async (since) => {
      const rows = await db
        .selectFrom('attendance')
        .select('group_id')
        .where('recorded_at', '>=', since)
        .union(db.selectFrom('decisions').select('group_id').where('created_at', '>=', since))
        .union(db.selectFrom('recordings').select('group_id').where('recorded_at', '>=', since))
        .execute();
      return new Set(rows.map((r) => r.group_id));
    },
  };
}

interface CheckIn {
  readonly groupId: GroupId;
  readonly meetingStartsAt: string;
  readonly userIds: readonly SlackUserId[];
  readonly recordedBy: SlackUserId;
  readonly now: Date;
}

/**
 * One statement for everyone: the unique (group, meeting, user) constraint keeps whoever was
 * there first as they were, also against a concurrent check-in, and RETURNING names only the
 * rows this statement wrote. RETURNING promises no order, so the answer follows the input's.
 */
async function checkIn(db: Kysely<Database>, c: CheckIn): Promise<SlackUserId[]> {
  const userIds = [...new Set(c.userIds)];
  if (userIds.length === 0) return [];
  const inserted = await db
    .insertInto('attendance')
    .values(
      userIds.map((userId) => ({
        group_id: c.groupId,
        meeting_starts_at: c.meetingStartsAt,
        user_id: userId,
        recorded_by: c.recordedBy,
        recorded_at: iso(c.now),
      })),
    )
    .onConflict((oc) => oc.columns(['group_id', 'meeting_starts_at', 'user_id']).doNothing())
    .returning('user_id')
    .execute();
  const fresh = new Set(inserted.map((r) => r.user_id));
  return userIds.filter((userId) => fresh.has(userId));
}

/**
 * Each row takes "the group's highest number plus its place in the batch", all read from the
 * same snapshot, so the batch is numbered max+1 … max+k in order; sorted by number, the rows
 * come back in batch order.
 */
async function insertDecisions(db: Kysely<Database>, batch: readonly PendingDecision[]): Promise<Decision[]> {
  const rows = batch.map(({ decision, now }, i) =>
    db
      .selectFrom('decisions')
      .where('group_id', '=', decision.groupId)
      .select([
        text(decision.groupId).as('group_id'),
        text(decision.meetingStartsAt).as('meeting_starts_at'),
        sql<number>`coalesce(max(number), 0) + ${i + 1}`.as('number'),
        text(decision.text).as('text'),
        text(decision.authorId).as('author_id'),
        text(decision.reference?.owner ?? null).as('ref_owner'),
        text(decision.reference?.repo ?? null).as('ref_repo'),
        integer(decision.reference?.number ?? null).as('ref_number'),
        text(iso(now)).as('created_at'),
      ]),
  );
  const [first, ...rest] = rows;
  if (!first) return [];
  const inserted = await db
    .insertInto('decisions')
    .columns([
      'group_id',
      'meeting_starts_at',
      'number',
      'text',
      'author_id',
      'ref_owner',
      'ref_repo',
      'ref_number',
      'created_at',
    ])
    .expression(rest.reduce((all, row) => all.unionAll(row), first))
    .returningAll()
    .execute();
  return inserted.sort((a, b) => a.number - b.number).map(toDecision);
}

/**
 * lower() on both sides, so each engine folds the text and the word alike (PostgreSQL by the
 * database's ctype; SQLite's built-in lower() folds ASCII only). Numbers only grow, so the
 * highest is the newest, and the unique (group, number) index serves the order.
 */
async function searchDecisions(
  db: Kysely<Database>,
  groupId: GroupId,
  words: readonly string[],
  limit: number,
): Promise<Decision[]> {
  const bounded = boundedLimit(limit);
  if (bounded === 0) return [];
  const rows = await words
    .reduce(
      (q, word) => q.where(contains(word)),
      db.selectFrom('decisions').selectAll().where('group_id', '=', groupId),
    )
    .orderBy('number', 'desc')
    .limit(bounded)
    .execute();
  return rows.map(toDecision);
}

const contains = (word: string): Expression<SqlBool> =>
  sql<SqlBool>`lower(${sql.ref('decisions.text')}) like lower(${`%${escapeLike(word)}%`}) escape '\\'`;

/** A word is matched as typed: `%`, `_` and the escape character itself are not wildcards. */
const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A whole number in [0, MAX]: PostgreSQL refuses a negative or fractional LIMIT. */
const boundedLimit = (limit: number) =>
  Number.isNaN(limit) ? 0 : Math.min(Math.max(Math.floor(limit), 0), MAX_DECISION_SEARCH_RESULTS);

const maybeDecision = (row: DecisionRow | undefined) => (row ? toDecision(row) : undefined);

/** Typed parameters in a select list (PostgreSQL cannot infer the type of a bare `$1` there). */
const text = (value: string | null) => sql<string>`cast(${value} as text)`;
const integer = (value: number | null) => sql<number>`cast(${value} as integer)`;
