import type { Generated, Selectable } from 'kysely';
import type { ActionItemStatus } from '../core/model/actionItem.js';
import type { AgendaItemStatus, GithubItemKind } from '../core/model/agendaItem.js';
import type { JobStatus } from '../core/model/job.js';
import type { OccurrenceSource, OccurrenceStatus } from '../core/model/occurrence.js';

/**
 * The tables, identical on SQLite and PostgreSQL.
 *
 * Instants are ISO-8601 UTC strings with milliseconds (`2026-11-26T17:00:00.000Z`, always
 * 24 characters): they sort and compare correctly as text on both engines and read well
 * for an operator looking at the database. Calendar dates are `YYYY-MM-DD`.
 * JSON columns are text holding JSON.
 */
export interface Database {
  occurrences: OccurrenceTable;
  agenda_items: AgendaItemTable;
  action_items: ActionItemTable;
  jobs: JobTable;
  slack_events: SlackEventTable;
  reminder_deliveries: ReminderDeliveryTable;
  attendance: AttendanceTable;
  absences: AbsenceTable;
  decisions: DecisionTable;
  recordings: RecordingTable;
  effects: EffectTable;
  agenda_counts: AgendaCountTable;
}

export interface AgendaCountTable {
  group_id: string;
  /** The query as the groups file has it. */
  query: string;
  total: number | null;
  counted_at: string | null;
  failure_kind: 'refused' | 'unavailable' | null;
  failure_message: string | null;
  checked_at: string;
}

export interface OccurrenceTable {
  id: Generated<number>;
  group_id: string;
  /** Start instant, UTC ISO. Unique with group_id: the occurrence's natural key. */
  starts_at: string;
  ends_at: string;
  /** Local date in the group's zone (what `/meeting cancel <date>` names). */
  local_date: string;
  title: string;
  /** 'rule' and 'extra' come from groups.yml; 'added' from `/meeting add`. */
  source: OccurrenceSource;
  rule_id: string | null;
  status: OccurrenceStatus;
  /** Who cancelled it: 'config' (groups.yml, undone when the file no longer says so) or a Slack user id. */
  cancelled_by: string | null;
  join_url: string | null;
  dial_in: string | null;
  minutes_doc_id: string | null;
  minutes_url: string | null;
  /** The highest agenda number handed out on this meeting (a hint for ordering adds; 0 at first). */
  agenda_numbered: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AgendaItemTable {
  id: Generated<number>;
  group_id: string;
  /** The meeting it belongs to: the occurrence's starts_at. */
  meeting_starts_at: string;
  /** 1, 2, 3 … unique per (group_id, meeting_starts_at). */
  number: number;
  topic: string;
  details: string | null;
  author_id: string;
  status: AgendaItemStatus;
  /** Set when the item rolled over from an earlier meeting. */
  rolled_from: string | null;
  /**
   * The labelled issue or pull request the item stands for: all five set, or all null.
   * `author_id` is then '' when its author maps to no Slack user.
   */
  github_repo: string | null;
  github_number: number | null;
  github_kind: GithubItemKind | null;
  github_url: string | null;
  github_login: string | null;
  /** Minutes, 1–240; null: no timebox. */
  timebox_minutes: number | null;
  /** The place in the order of discussion; null: its number (see AgendaItem.position). */
  position: number | null;
  created_at: string;
  updated_at: string;
}

export interface ActionItemTable {
  id: Generated<number>;
  group_id: string;
  /** 1, 2, 3 … unique per group (what `/todo done <n>` names). */
  number: number;
  meeting_starts_at: string | null;
  text: string;
  /** JSON array of Slack user ids. */
  owners: string;
  author_id: string;
  due_date: string | null;
  status: ActionItemStatus;
  channel_id: string;
  /** The bot's message announcing the item (thread root for follow-ups). */
  message_ts: string | null;
  source_permalink: string | null;
  github_issue_number: number | null;
  github_issue_url: string | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

export interface JobTable {
  id: Generated<number>;
  /** Natural key: `reminder:<group>:<starts_at>:<lead>`, `github-issue:<item id>` … */
  key: string;
  kind: string;
  /** JSON. */
  payload: string;
  status: JobStatus;
  run_at: string;
  attempts: number;
  max_attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReminderDeliveryTable {
  job_key: string;
  state: 'scheduling' | 'scheduled' | 'posting' | 'posted';
  channel_id: string | null;
  post_at: string | null;
  text: string | null;
  scheduled_message_id: string | null;
  message_ts: string | null;
  updated_at: string;
}

export interface SlackEventTable {
  event_id: string;
  received_at: string;
}

/** One person present at one meeting; unique per (group_id, meeting_starts_at, user_id). */
export interface AttendanceTable {
  /** Check-in order. */
  id: Generated<number>;
  group_id: string;
  meeting_starts_at: string;
  user_id: string;
  recorded_by: string;
  recorded_at: string;
}

/** One leave of absence; unique per (group_id, meeting_starts_at, user_id). */
export interface AbsenceTable {
  id: Generated<number>;
  group_id: string;
  meeting_starts_at: string;
  user_id: string;
  recorded_by: string;
  recorded_at: string;
}

export interface DecisionTable {
  id: Generated<number>;
  group_id: string;
  meeting_starts_at: string;
  /** 1, 2, 3 … unique per group (what `/decision list` shows). */
  number: number;
  text: string;
  author_id: string;
  /** The GitHub issue or pull request it names: all three set, or all three null. */
  ref_owner: string | null;
  ref_repo: string | null;
  ref_number: number | null;
  created_at: string;
}

/** One link per meeting: (group_id, meeting_starts_at) is the primary key. */
export interface RecordingTable {
  group_id: string;
  meeting_starts_at: string;
  url: string;
  recorded_by: string;
  recorded_at: string;
}

/** A side effect recorded before ('started') and after ('done') it is made. */
export interface EffectTable {
  /** The effect's natural key. */
  key: string;
  state: 'started' | 'done';
  /** What the remote side answered (a message's ts); null while started. */
  result: string | null;
  /** When the latest attempt began. */
  started_at: string;
  updated_at: string;
}

export type OccurrenceRow = Selectable<OccurrenceTable>;
export type AgendaItemRow = Selectable<AgendaItemTable>;
export type ActionItemRow = Selectable<ActionItemTable>;
export type JobRow = Selectable<JobTable>;
export type AttendanceRow = Selectable<AttendanceTable>;
export type AbsenceRow = Selectable<AbsenceTable>;
export type DecisionRow = Selectable<DecisionTable>;
export type RecordingRow = Selectable<RecordingTable>;
export type EffectRow = Selectable<EffectTable>;
