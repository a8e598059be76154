import type { ActionItem, ActionItemId } from '../core/model/actionItem.js';
import type { AgendaItem, AgendaItemId } from '../core/model/agendaItem.js';
import type { Job, JobId } from '../core/model/job.js';
import {
  type Absence,
  type Attendance,
  type Decision,
  decisionId,
  type Recording,
} from '../core/model/meetingRecord.js';
import type { Occurrence, OccurrenceId } from '../core/model/occurrence.js';
import type { EffectState } from '../core/ports/effectLedger.js';
import {
  type ChannelId,
  type GroupId,
  groupId,
  isSlackUserId,
  type LocalDate,
  type SlackUserId,
  slackUserId,
} from '../core/ids.js';
import type {
  AbsenceRow,
  ActionItemRow,
  AgendaItemRow,
  AttendanceRow,
  DecisionRow,
  EffectRow,
  JobRow,
  OccurrenceRow,
  RecordingRow,
} from './schema.js';

/*
 * Rows become gavel's domain model here and only here: the core never sees a column name, a
 * JSON text column or a nullable pair that must be set together. The brands are safe to apply:
 * every value was validated on its way in.
 */

export function toOccurrence(row: OccurrenceRow): Occurrence {
  return {
    id: row.id as OccurrenceId,
    groupId: row.group_id as GroupId,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    localDate: row.local_date as LocalDate,
    title: row.title,
    source: row.source,
    ruleId: row.rule_id,
    status: row.status,
    cancelledBy: row.cancelled_by,
    joinUrl: row.join_url,
    dialIn: row.dial_in,
    minutes:
      row.minutes_doc_id !== null && row.minutes_url !== null
        ? { docId: row.minutes_doc_id, url: row.minutes_url }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toAgendaItem(row: AgendaItemRow): AgendaItem {
  return {
    id: row.id as AgendaItemId,
    groupId: row.group_id as GroupId,
    meetingStartsAt: row.meeting_starts_at,
    number: row.number,
    topic: row.topic,
    details: row.details,
    // '' is the column's "nobody in Slack" (it is not null): a GitHub author without a mapping.
    authorId: row.author_id === '' ? null : (row.author_id as SlackUserId),
    status: row.status,
    rolledFrom: row.rolled_from,
    github:
      row.github_repo !== null &&
      row.github_number !== null &&
      row.github_kind !== null &&
      row.github_url !== null &&
      row.github_login !== null
        ? {
            repo: row.github_repo,
            number: row.github_number,
            kind: row.github_kind,
            url: row.github_url,
            login: row.github_login,
          }
        : null,
    timeboxMinutes: row.timebox_minutes ?? null,
    position: row.position ?? row.number,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toActionItem(row: ActionItemRow): ActionItem {
  return {
    id: row.id as ActionItemId,
    groupId: row.group_id as GroupId,
    number: row.number,
    meetingStartsAt: row.meeting_starts_at,
    text: row.text,
    owners: ownersOf(row.owners),
    authorId: row.author_id as SlackUserId,
    dueDate: row.due_date as LocalDate | null,
    status: row.status,
    channelId: row.channel_id as ChannelId,
    messageTs: row.message_ts,
    sourcePermalink: row.source_permalink,
    githubIssue:
      row.github_issue_number !== null && row.github_issue_url !== null
        ? { number: row.github_issue_number, url: row.github_issue_url }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    doneAt: row.done_at,
  };
}

export function toJob(row: JobRow): Job {
  return {
    id: row.id as JobId,
    key: row.key,
    kind: row.kind,
    payload: JSON.parse(row.payload) as unknown,
    status: row.status,
    runAt: row.run_at,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toAttendance(row: AttendanceRow): Attendance {
  return {
    groupId: groupId(row.group_id),
    meetingStartsAt: row.meeting_starts_at,
    userId: slackUserId(row.user_id),
    recordedBy: slackUserId(row.recorded_by),
    recordedAt: row.recorded_at,
  };
}

export function toAbsence(row: AbsenceRow): Absence {
  return {
    groupId: groupId(row.group_id),
    meetingStartsAt: row.meeting_starts_at,
    userId: slackUserId(row.user_id),
    recordedBy: slackUserId(row.recorded_by),
    recordedAt: row.recorded_at,
  };
}

export function toDecision(row: DecisionRow): Decision {
  return {
    id: decisionId(row.id),
    groupId: groupId(row.group_id),
    meetingStartsAt: row.meeting_starts_at,
    number: row.number,
    text: row.text,
    authorId: slackUserId(row.author_id),
    reference:
      row.ref_owner !== null && row.ref_repo !== null && row.ref_number !== null
        ? { owner: row.ref_owner, repo: row.ref_repo, number: row.ref_number }
        : null,
    createdAt: row.created_at,
  };
}

export function toRecording(row: RecordingRow): Recording {
  return {
    groupId: groupId(row.group_id),
    meetingStartsAt: row.meeting_starts_at,
    url: row.url,
    recordedBy: slackUserId(row.recorded_by),
    recordedAt: row.recorded_at,
  };
}

/**
 * A state the code did not write (an operator's edit) reads as `started`: the effect may have
 * happened, so the caller looks for it on the remote side rather than making it twice.
 */
export function toEffectState(row: EffectRow): EffectState {
  return row.state === 'done'
    ? { state: 'done', result: row.result }
    : { state: 'started', startedAt: row.started_at };
}

/** The owners column holds a JSON array of Slack ids; anything else reads as no owners. */
function ownersOf(json: string): SlackUserId[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed)
      ? parsed.filter((o): o is SlackUserId => typeof o === 'string' && isSlackUserId(o))
      : [];
  } catch {
    return [];
  }
}
