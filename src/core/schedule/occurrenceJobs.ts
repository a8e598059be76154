import type { JobSpec } from '../ports/jobQueue.js';
import type { ResolvedGroup } from '../groupDirectory.js';
import { minutesGroupPrefix, minutesJobSpec } from '../minutes/minutesJobPlan.js';
import { reminderJobs } from '../reminder/reminderPlan.js';
import type { Occurrence } from '../model/occurrence.js';
import { agendaRolloverJobSpec } from '../agenda/agendaRolloverJob.js';
import { agendaCountsJobs, agendaCountsPrefix } from '../agenda/agendaCountsJob.js';
import { meetingRecordJobs } from '../record/recordJobs.js';
import { archiveJobs } from '../archive/archiveJobs.js';
import { AUTO_CANCEL_JOB, autoCancelJobs } from '../meeting/autoCancel.js';
import { cancelledNoticePrefix } from '../meeting/cancelledNotice.js';
import { dstNoticePrefix } from '../dst/dstNoticeJob.js';

/**
 * The jobs one scheduled occurrence needs (reminders; later the minutes doc and the agenda
 * rollover). Keys are natural, so the planner can enqueue them on every run.
 * Jobs whose key starts with `<kind>:<group>:` are cancelled by the planner when the
 * occurrence is no longer planned; see `groupJobPrefixes`.
 */
export function occurrenceJobs(group: ResolvedGroup, occurrence: Occurrence): JobSpec[] {
  return [
    ...reminderJobs(group.id, new Date(occurrence.startsAt), group.reminderLeadMinutes),
    agendaRolloverJobSpec(group.id, occurrence),
    ...(group.minutes ? [minutesJobSpec(group.id, occurrence.startsAt, group.minutes)] : []),
    ...meetingRecordJobs(group, occurrence),
    ...archiveJobs(group, occurrence),
    ...autoCancelJobs(group, occurrence),
    ...agendaCountsJobs(group, occurrence),
  ];
}

/**
 * The key prefixes under which a group's occurrence jobs live (and the notices of meetings the
 * groups file cancels: one the file no longer cancels is withdrawn; and of clock changes, one
 * that no longer shifts a meeting is withdrawn). `agenda-rollover:` and the
 * record's jobs are left out on purpose: they must survive a meeting in progress (see
 * agendaRolloverJobSpec and meetingRecordJobs). The auto-cancel job is among them: a meeting
 * a lead cancels, or a group that no longer asks for it, drops it; a restore brings it back
 * (enqueue revives a cancelled job), while one that ran stays done.
 */
export function groupJobPrefixes(groupId: string): string[] {
  return [
    `reminder:${groupId}:`,
    minutesGroupPrefix(groupId),
    `${AUTO_CANCEL_JOB}:${groupId}:`,
    cancelledNoticePrefix(groupId),
    dstNoticePrefix(groupId),
    agendaCountsPrefix(groupId),
  ];
}
