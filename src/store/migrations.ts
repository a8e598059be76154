import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import type { Dialect } from './openDatabase.js';

/**
 * The schema's history. Migrations are code in the bundle (not files found at run time), so
 * the built app and the tests run exactly the same ones; each is written once for both
 * engines, differing only where SQL does (the auto-increment key).
 */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  const idColumn = (db: Kysely<unknown>, table: string) =>
    dialect === 'postgres'
      ? db.schema.createTable(table).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  const migrations: Record<string, Migration> = {
    '0001_initial': {
      async up(db) {
        await idColumn(db, 'occurrences')
          .addColumn('group_id', 'text', (c) => c.notNull())
          .addColumn('starts_at', 'text', (c) => c.notNull())
          .addColumn('ends_at', 'text', (c) => c.notNull())
          .addColumn('local_date', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('rule_id', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('cancelled_by', 'text')
          .addColumn('join_url', 'text')
          .addColumn('dial_in', 'text')
          .addColumn('minutes_doc_id', 'text')
          .addColumn('minutes_url', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('occurrences_group_start', ['group_id', 'starts_at'])
          .execute();
        await db.schema
          .createIndex('occurrences_group_date')
          .on('occurrences')
          .columns(['group_id', 'local_date'])
          .execute();

        await idColumn(db, 'agenda_items')
          .addColumn('group_id', 'text', (c) => c.notNull())
          .addColumn('meeting_starts_at', 'text', (c) => c.notNull())
          .addColumn('number', 'integer', (c) => c.notNull())
          .addColumn('topic', 'text', (c) => c.notNull())
          .addColumn('details', 'text')
          .addColumn('author_id', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('rolled_from', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('agenda_items_meeting_number', ['group_id', 'meeting_starts_at', 'number'])
          .execute();

        await idColumn(db, 'action_items')
          .addColumn('group_id', 'text', (c) => c.notNull())
          .addColumn('number', 'integer', (c) => c.notNull())
          .addColumn('meeting_starts_at', 'text')
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('owners', 'text', (c) => c.notNull())
          .addColumn('author_id', 'text', (c) => c.notNull())
          .addColumn('due_date', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('channel_id', 'text', (c) => c.notNull())
          .addColumn('message_ts', 'text')
          .addColumn('source_permalink', 'text')
          .addColumn('github_issue_number', 'integer')
          .addColumn('github_issue_url', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('done_at', 'text')
          .addUniqueConstraint('action_items_group_number', ['group_id', 'number'])
          .execute();

        await idColumn(db, 'jobs')
          .addColumn('key', 'text', (c) => c.notNull().unique())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('run_at', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('max_attempts', 'integer', (c) => c.notNull())
          .addColumn('lease_owner', 'text')
          .addColumn('lease_until', 'text')
          .addColumn('last_error', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        // The claim query scans exactly this: due pending jobs in run_at order.
        await db.schema.createIndex('jobs_status_run_at').on('jobs').columns(['status', 'run_at']).execute();

        await db.schema
          .createTable('slack_events')
          .addColumn('event_id', 'text', (c) => c.primaryKey())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db) {
        for (const table of ['slack_events', 'jobs', 'action_items', 'agenda_items', 'occurrences']) {
          await sql`drop table ${sql.table(table)}`.execute(db);
        }
      },
    },
    '0002_reminder_deliveries': {
      async up(db) {
        // One row per reminder job: what was sent to Slack, recorded before and after the call.
        await db.schema
          .createTable('reminder_deliveries')
          .addColumn('job_key', 'text', (c) => c.primaryKey())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('channel_id', 'text')
          .addColumn('post_at', 'text')
          .addColumn('text', 'text')
          .addColumn('scheduled_message_id', 'text')
          .addColumn('message_ts', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db) {
        await db.schema.dropTable('reminder_deliveries').execute();
      },
    },
    '0003_jobs_key_c_index': {
      async up(db) {
        // cancelPending selects a key prefix as a byte-wise range (`key collate "C"`), which
        // the unique index on key cannot serve unless the database's collation is C. SQLite
        // needs nothing: its unique index on key already compares bytes (BINARY).
        if (dialect === 'postgres') await sql`create index jobs_key_c on jobs (key collate "C")`.execute(db);
      },
      async down(db) {
        if (dialect === 'postgres') await sql`drop index jobs_key_c`.execute(db);
      },
    },
    '0004_retention_indexes': {
      async up(db) {
        // The hourly retention job deletes finished jobs and deliveries by when they last
        // changed, a bounded batch at a time; without these each batch would scan the table.
        await db.schema
          .createIndex('jobs_status_updated_at')
          .on('jobs')
          .columns(['status', 'updated_at'])
          .execute();
        await db.schema
          .createIndex('reminder_deliveries_updated_at')
          .on('reminder_deliveries')
          .column('updated_at')
          .execute();
        // The planner asks on every run which reminders Slack still holds (state 'scheduled',
        // post_at ahead); deliveries stay 'scheduled' after Slack posts, so without this that
        // question reads every delivery kept.
        await db.schema
          .createIndex('reminder_deliveries_state_post_at')
          .on('reminder_deliveries')
          .columns(['state', 'post_at'])
          .execute();
      },
      async down(db) {
        for (const index of [
          'reminder_deliveries_state_post_at',
          'reminder_deliveries_updated_at',
          'jobs_status_updated_at',
        ]) {
          await db.schema.dropIndex(index).execute();
        }
      },
    },
    '0005_meeting_record': {
      async up(db) {
        // The governance record is kept as long as the group exists: no retention index here.
        // Attendance is read back in check-in order, which the id keeps.
        await idColumn(db, 'attendance')
          .addColumn('group_id', 'text', (c) => c.notNull())
          .addColumn('meeting_starts_at', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('recorded_by', 'text', (c) => c.notNull())
          .addColumn('recorded_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('attendance_meeting_user', ['group_id', 'meeting_starts_at', 'user_id'])
          .execute();

        await idColumn(db, 'absences')
          .addColumn('group_id', 'text', (c) => c.notNull())
          .addColumn('meeting_starts_at', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('recorded_by', 'text', (c) => c.notNull())
          .addColumn('recorded_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('absences_meeting_user', ['group_id', 'meeting_starts_at', 'user_id'])
          .execute();

        // The unique (group, number) index also serves the search, newest (highest number) first.
        await idColumn(db, 'decisions')
          .addColumn('group_id', 'text', (c) => c.notNull())
          .addColumn('meeting_starts_at', 'text', (c) => c.notNull())
          .addColumn('number', 'integer', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('author_id', 'text', (c) => c.notNull())
          .addColumn('ref_owner', 'text')
          .addColumn('ref_repo', 'text')
          .addColumn('ref_number', 'integer')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('decisions_group_number', ['group_id', 'number'])
          .execute();
        await db.schema
          .createIndex('decisions_group_meeting')
          .on('decisions')
          .columns(['group_id', 'meeting_starts_at'])
          .execute();

        await db.schema
          .createTable('recordings')
          .addColumn('group_id', 'text', (c) => c.notNull())
          .addColumn('meeting_starts_at', 'text', (c) => c.notNull())
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('recorded_by', 'text', (c) => c.notNull())
          .addColumn('recorded_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('recordings_meeting', ['group_id', 'meeting_starts_at'])
          .execute();

        await db.schema
          .createTable('effects')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('result', 'text')
          .addColumn('started_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db) {
        // Dropping a table drops its indexes with it, on both engines.
        for (const table of ['effects', 'recordings', 'decisions', 'absences', 'attendance']) {
          await db.schema.dropTable(table).execute();
        }
      },
    },
    '0006_meeting_record_recent': {
      // The planner asks each group hourly what was recorded in the last day (to heal its
      // follow-ups); without these it would read the group's whole record every time.
      async up(db) {
        for (const [table, column] of RECENT_RECORD_INDEXES) {
          await db.schema
            .createIndex(`${table}_group_${column}`)
            .on(table)
            .columns(['group_id', column])
            .execute();
        }
      },
      async down(db) {
        for (const [table, column] of RECENT_RECORD_INDEXES) {
          await db.schema.dropIndex(`${table}_group_${column}`).execute();
        }
      },
    },
    '0007_agenda_github': {
      // An item on the agenda because its issue or pull request carries the group's label.
      // At most one open item per issue and group (the partial unique index): a webhook
      // delivered twice, a sync racing a webhook, two replicas, all end with one. Covered
      // and dropped items stay in their meeting's record and do not count.
      async up(db) {
        for (const [column, type] of AGENDA_GITHUB_COLUMNS) {
          await db.schema.alterTable('agenda_items').addColumn(column, type).execute();
        }
        await sql`create unique index agenda_items_github_open on agenda_items (group_id, github_repo, github_number) where status = 'open' and github_repo is not null`.execute(
          db,
        );
      },
      async down(db) {
        await db.schema.dropIndex('agenda_items_github_open').execute();
        for (const [column] of AGENDA_GITHUB_COLUMNS) {
          await db.schema.alterTable('agenda_items').dropColumn(column).execute();
        }
      },
    },
    '0008_agenda_timebox_order_counts': {
      async up(db) {
        // Both nullable, so rows written before (and writers that know nothing of order) read
        // as "no timebox" and "in its number's place".
        await db.schema.alterTable('agenda_items').addColumn('timebox_minutes', 'integer').execute();
        await db.schema.alterTable('agenda_items').addColumn('position', 'integer').execute();
        // The last total GitHub gave for each of a group's agenda counts, and how the last
        // refresh went: the reminder reads it, the job before the reminder writes it.
        await db.schema
          .createTable('agenda_counts')
          .addColumn('group_id', 'text', (c) => c.notNull())
          .addColumn('query', 'text', (c) => c.notNull())
          .addColumn('total', 'integer')
          .addColumn('counted_at', 'text')
          .addColumn('failure_kind', 'text')
          .addColumn('failure_message', 'text')
          .addColumn('checked_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('agenda_counts_group_query', ['group_id', 'query'])
          .execute();
      },
      async down(db) {
        await db.schema.dropTable('agenda_counts').execute();
        await db.schema.alterTable('agenda_items').dropColumn('position').execute();
        await db.schema.alterTable('agenda_items').dropColumn('timebox_minutes').execute();
      },
    },
    '0009_agenda_numbered': {
      async up(db) {
        // The highest agenda number an occurrence has handed out, kept on its row so that
        // PostgreSQL's row lock orders concurrent adds to one meeting (see insertAddsPostgres).
        // A hint, never the truth: numbering takes the greater of it and the items' own
        // highest, so rows from before (0) and writers that do not keep it are still right.
        await db.schema
          .alterTable('occurrences')
          .addColumn('agenda_numbered', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
      },
      async down(db) {
        await db.schema.alterTable('occurrences').dropColumn('agenda_numbered').execute();
      },
    },
  };
  return { getMigrations: () => Promise.resolve(migrations) };
}

const AGENDA_GITHUB_COLUMNS = [
  ['github_repo', 'text'],
  ['github_number', 'integer'],
  ['github_kind', 'text'],
  ['github_url', 'text'],
  ['github_login', 'text'],
] as const;

const RECENT_RECORD_INDEXES = [
  ['attendance', 'recorded_at'],
  ['decisions', 'created_at'],
  ['recordings', 'recorded_at'],
] as const;
