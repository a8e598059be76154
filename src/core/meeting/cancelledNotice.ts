import { DAY_MS } from '../duration.js';
import type { Group } from '../group.js';
import type { GroupId } from '../ids.js';
import { escapePlain } from '../mrkdwn.js';
import type { JobSpec } from '../ports/jobQueue.js';
import { occurrencesFromTo, type PlannedOccurrence, type ScheduleInput } from '../schedule/occurrences.js';
import { formatZoned } from '../zonedFormat.js';

export const CANCELLED_NOTICE_JOB = 'notice-cancelled';

/** How long before a meeting the groups file cancels the channel is told. */
export const CANCELLED_NOTICE_LEAD_DAYS = 3;

export interface CancelledNoticePayload {
  readonly groupId: GroupId;
  readonly startsAt: string;
}

/** One notice: a cancelled meeting, or the first meeting of a break and its last. */
export interface CancelledNotice {
  readonly first: PlannedOccurrence;
  /** The break's last meeting, when the break has more than one. */
  readonly last: PlannedOccurrence | undefined;
  readonly reason: string | undefined;
}

export const cancelledNoticePrefix = (groupId: GroupId | string): string =>
  `${CANCELLED_NOTICE_JOB}:${groupId}:`;

/** Keyed by the meeting: planned on every run, posted once (the key is also postOnce's). */
export const cancelledNoticeJobSpec = (groupId: GroupId, startsAt: Date): JobSpec => ({
  key: `${cancelledNoticePrefix(groupId)}${startsAt.toISOString()}`,
  kind: CANCELLED_NOTICE_JOB,
  payload: { groupId, startsAt: startsAt.toISOString() } satisfies CancelledNoticePayload,
  runAt: new Date(startsAt.getTime() - CANCELLED_NOTICE_LEAD_DAYS * DAY_MS),
});

/**
 * The notices the groups file's cancellations call for among `planned` (what the file makes of
 * the coming weeks): one per cancelled meeting still to come, and for a break one only, before
 * its first meeting (a break under way when it was added gets none: its first has passed).
 */
export function cancelledNotices(
  group: ScheduleInput & Pick<Group, 'breaks'>,
  planned: readonly PlannedOccurrence[],
  now: Date,
): CancelledNotice[] {
  return planned.flatMap((o): CancelledNotice[] => {
    if (!o.cancelled || o.startsAt.getTime() <= now.getTime()) return [];
    const during = (group.breaks ?? []).find((b) => b.from <= o.localDate && o.localDate <= b.until);
    if (!during) return [{ first: o, last: undefined, reason: o.cancelReason }];
    const meetings = occurrencesFromTo(group, during.from, during.until);
    if (meetings[0]?.startsAt.getTime() !== o.startsAt.getTime()) return [];
    const last = meetings.length > 1 ? meetings[meetings.length - 1] : undefined;
    return [{ first: o, last, reason: during.reason }];
  });
}

/** `Thu 24 Dec`, in the group's zone. */
export const shortDay = (at: Date, timeZone: string): string => formatZoned(at, timeZone, 'EEE d MMM');

/** "No CNCF Serverless WG meeting on Thu 24 Dec: Christmas Eve." (the reason escaped). */
export function cancelledNoticeText(
  group: Pick<Group, 'name' | 'timeZone'>,
  notice: CancelledNotice,
): string {
  const name = escapePlain(group.name);
  const first = shortDay(notice.first.startsAt, group.timeZone);
  const why = notice.reason === undefined ? '' : `: ${escapePlain(notice.reason)}`;
  if (notice.last) {
    const last = shortDay(notice.last.startsAt, group.timeZone);
    return `:no_entry_sign: No ${name} meetings from ${first} to ${last}${why}.`;
  }
  return `:no_entry_sign: No ${name} meeting on ${first}${why}.`;
}
