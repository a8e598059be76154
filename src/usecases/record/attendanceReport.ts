import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate, SlackUserId } from '../../core/ids.js';
import type { RecordDeps } from './recordDeps.js';
import { meetingToReport } from './recordMeeting.js';

export interface AttendanceReport {
  readonly meetingLabel: string;
  readonly attendees: readonly { readonly userId: SlackUserId; readonly organization: string | undefined }[];
  readonly absent: readonly SlackUserId[];
}

/** `/meeting attendance [date]`: who was at the meeting (the current or latest one by default). */
export async function attendanceReport(
  deps: Pick<RecordDeps, 'clock' | 'occurrences' | 'records'>,
  input: { readonly group: ResolvedGroup; readonly date: LocalDate | undefined },
): Promise<AttendanceReport> {
  const { group } = input;
  const meeting = await meetingToReport(deps, group, deps.clock.now(), input.date);
  const [attendees, absences] = await Promise.all([
    deps.records.attendees(group.id, meeting.startsAt),
    deps.records.absencesAt(group.id, [meeting.startsAt]),
  ]);
  return {
    meetingLabel: `${meeting.title} of ${meetingLabel(meeting.startsAt, group.timeZone)}`,
    attendees: attendees.map((a) => ({ userId: a.userId, organization: group.organizations[a.userId] })),
    absent: absences.map((a) => a.userId),
  };
}
