import { type Kysely, sql, type Updateable } from 'kysely';
import type { ActionItemRepository } from '../core/ports/actionItemRepository.js';
import type { ActionItem } from '../core/model/actionItem.js';
import { toActionItem } from './domainRows.js';
import type { ActionItemRow, ActionItemTable, Database } from './schema.js';
import { retryOnNumberConflict } from './retryOnNumberConflict.js';
import { isRowId } from './rowId.js';

const iso = (d: Date) => d.toISOString();

/**
 * Action items on SQLite and PostgreSQL. A number is taken as "the group's highest plus one"
 * inside the insert that writes it, and the unique (group, number) constraint arbitrates: on
 * PostgreSQL two concurrent writers may compute the same number; the loser fails on the
 * constraint and tries again with a fresh snapshot. SQLite runs one write at a time.
 */
export function actionItemStore(db: Kysely<Database>): ActionItemRepository {
  const byId = async (id: number) =>
    isRowId(id)
      ? maybe(await db.selectFrom('action_items').selectAll().where('id', '=', id).executeTakeFirst())
      : undefined;

  const update = async (id: number, set: Updateable<ActionItemTable>, now: Date): Promise<ActionItem> =>
    toActionItem(
      await db
        .updateTable('action_items')
        .set({ ...set, updated_at: iso(now) })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );

  return {
    openDueBy: async (groupId, date) =>
      (
        await db
          .selectFrom('action_items')
          .selectAll()
          .where('group_id', '=', groupId)
          .where('status', '=', 'open')
          .where('due_date', 'is not', null)
          .where('due_date', '<=', date)
          .orderBy('due_date')
          .orderBy('number')
          .execute()
      ).map(toActionItem),

    create: (item, now) =>
      retryOnNumberConflict(async () =>
        toActionItem(
          await db
            .insertInto('action_items')
            .columns([
              'group_id',
              'number',
              'meeting_starts_at',
              'text',
              'owners',
              'author_id',
              'due_date',
              'status',
              'channel_id',
              'source_permalink',
              'created_at',
              'updated_at',
            ])
            .expression(
              db
                .selectFrom('action_items')
                .where('group_id', '=', item.groupId)
                .select([
                  text(item.groupId).as('group_id'),
                  sql<number>`coalesce(max(number), 0) + 1`.as('number'),
                  text(item.meetingStartsAt).as('meeting_starts_at'),
                  text(item.text).as('text'),
                  text(JSON.stringify(item.owners)).as('owners'),
                  text(item.authorId).as('author_id'),
                  text(item.dueDate).as('due_date'),
                  text('open').as('status'),
                  text(item.channelId).as('channel_id'),
                  text(item.sourcePermalink).as('source_permalink'),
                  text(iso(now)).as('created_at'),
                  text(iso(now)).as('updated_at'),
                ]),
            )
            .returningAll()
            .executeTakeFirstOrThrow(),
        ),
      ),

    byId,

    byNumber: async (groupId, number) =>
      maybe(
        await db
          .selectFrom('action_items')
          .selectAll()
          .where('group_id', '=', groupId)
          .where('number', '=', number)
          .executeTakeFirst(),
      ),

    async groupsWithOpenSince(since) {
      const rows = await db
        .selectFrom('action_items')
        .select('group_id')
        .distinct()
        .where('status', '=', 'open')
        .where('created_at', '>=', since)
        .execute();
      return new Set(rows.map((r) => r.group_id));
    },

    async list(groupId, filter) {
      let q = db.selectFrom('action_items').selectAll().where('group_id', '=', groupId);
      if (filter.status !== 'any') q = q.where('status', '=', filter.status);
      // Owners are a JSON array of ids ([A-Z0-9] only), so the quoted id matches exactly one element.
      if (filter.owner !== undefined)
        q = q.where('owners', 'like', `%"${filter.owner.replace(/[^A-Z0-9]/g, '')}"%`);
      q =
        filter.status === 'done'
          ? q.orderBy('done_at', 'desc').orderBy('number', 'desc')
          : q.orderBy('number');
      return (await q.limit(filter.limit ?? 500).execute()).map(toActionItem);
    },

    async setStatus(id, status, now) {
      const changed = await db
        .updateTable('action_items')
        .set({ status, done_at: status === 'done' ? iso(now) : null, updated_at: iso(now) })
        .where('id', '=', id)
        .where('status', '!=', status)
        .returningAll()
        .executeTakeFirst();
      if (changed) return { item: toActionItem(changed), changed: true };
      const item = await byId(id);
      if (!item) throw new Error(`action item ${id} not found`);
      return { item, changed: false };
    },

    editText: (id, newText, now) => update(id, { text: newText }, now),
    setDueDate: (id, dueDate, now) => update(id, { due_date: dueDate }, now),
    setMessage: (id, messageTs, now) => update(id, { message_ts: messageTs }, now),
    setSourcePermalink: (id, permalink, now) => update(id, { source_permalink: permalink }, now),
    setGithubIssue: (id, issueNumber, url, now) =>
      update(id, { github_issue_number: issueNumber, github_issue_url: url }, now),

    byGithubIssue: async (groupIds, issueNumber) =>
      groupIds.length === 0
        ? undefined
        : maybe(
            await db
              .selectFrom('action_items')
              .selectAll()
              .where('group_id', 'in', groupIds)
              .where('github_issue_number', '=', issueNumber)
              .orderBy('id')
              .executeTakeFirst(),
          ),
  };
}

const maybe = (row: ActionItemRow | undefined) => (row ? toActionItem(row) : undefined);

/** A typed parameter in a select list (PostgreSQL cannot infer the type of a bare `$1` there). */
const text = (value: string | null) => sql<string>`cast(${value} as text)`;
