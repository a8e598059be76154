import { type Kysely, sql } from 'kysely';
import type { AgendaRepository, GithubAgendaItem, GithubUpsert } from '../core/ports/agendaRepository.js';
import type { AgendaItem } from '../core/model/agendaItem.js';
import { toAgendaItem } from './domainRows.js';
import { retryOnNumberConflict } from './retryOnNumberConflict.js';
import type { AgendaItemRow, Database } from './schema.js';

const iso = (d: Date) => d.toISOString();

/**
 * The agenda's GitHub items on SQLite and PostgreSQL. An issue has at most one open item per
 * group (the partial unique index agenda_items_github_open): an upsert that loses a race to
 * another writer of the same issue fails on it and, tried again, finds and updates the
 * winner's item; one that loses the meeting's number tries again with the next.
 */
export function githubAgendaStore(
  db: Kysely<Database>,
): Pick<AgendaRepository, 'openFromGithub' | 'upsertFromGithub' | 'removeFromGithub'> {
  const openOf = (groupId: string, repo: string, number: number) =>
    db
      .selectFrom('agenda_items')
      .selectAll()
      .where('group_id', '=', groupId)
      .where('status', '=', 'open')
      .where('github_repo', '=', repo)
      .where('github_number', '=', number)
      .executeTakeFirst();

  const upsert = async (
    item: GithubAgendaItem,
    now: Date,
  ): Promise<{ item: AgendaItem; change: GithubUpsert }> => {
    const { github } = item;
    const author = item.authorId ?? '';
    const found = await openOf(item.groupId, github.repo, github.number);
    if (found) {
      if (!differs(found, item, author)) return { item: toAgendaItem(found), change: 'unchanged' };
      const updated = await db
        .updateTable('agenda_items')
        .set({
          topic: item.topic,
          author_id: author,
          github_kind: github.kind,
          github_url: github.url,
          github_login: github.login,
          updated_at: iso(now),
        })
        .where('id', '=', found.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { item: toAgendaItem(updated), change: 'updated' };
    }
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
        'github_repo',
        'github_number',
        'github_kind',
        'github_url',
        'github_login',
        'created_at',
        'updated_at',
      ])
      .expression(
        db
          .selectFrom('agenda_items')
          .where('group_id', '=', item.groupId)
          .where('meeting_starts_at', '=', item.meetingStartsAt)
          .select([
            text(item.groupId).as('group_id'),
            text(item.meetingStartsAt).as('meeting_starts_at'),
            sql<number>`coalesce(max(number), 0) + 1`.as('number'),
            text(item.topic).as('topic'),
            text(null).as('details'),
            text(author).as('author_id'),
            text('open').as('status'),
            text(null).as('rolled_from'),
            text(github.repo).as('github_repo'),
            sql<number>`cast(${github.number} as integer)`.as('github_number'),
            text(github.kind).as('github_kind'),
            text(github.url).as('github_url'),
            text(github.login).as('github_login'),
            text(iso(now)).as('created_at'),
            text(iso(now)).as('updated_at'),
          ]),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return { item: toAgendaItem(inserted), change: 'added' };
  };

  return {
    openFromGithub: async (groupId) =>
      (
        await db
          .selectFrom('agenda_items')
          .selectAll()
          .where('group_id', '=', groupId)
          .where('status', '=', 'open')
          .where('github_repo', 'is not', null)
          .orderBy('id')
          .execute()
      ).map(toAgendaItem),

    upsertFromGithub: (item, now) => retryOnNumberConflict(() => upsert(item, now)),

    async removeFromGithub(groupId, repo, number) {
      const removed = await db
        .deleteFrom('agenda_items')
        .where('group_id', '=', groupId)
        .where('status', '=', 'open')
        .where('github_repo', '=', repo)
        .where('github_number', '=', number)
        .returningAll()
        .executeTakeFirst();
      return removed ? toAgendaItem(removed) : undefined;
    },
  };
}

function differs(row: AgendaItemRow, item: GithubAgendaItem, author: string): boolean {
  return (
    row.topic !== item.topic ||
    row.author_id !== author ||
    row.github_kind !== item.github.kind ||
    row.github_url !== item.github.url ||
    row.github_login !== item.github.login
  );
}

/** A typed parameter in a select list (PostgreSQL cannot infer the type of a bare `$1` there). */
const text = (value: string | null) => sql<string>`cast(${value} as text)`;
