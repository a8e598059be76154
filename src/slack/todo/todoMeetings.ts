import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate } from '../../core/ids.js';
import { meetingForNewItem, nextMeetingDate } from '../../core/todo/itemMeeting.js';
import type { Services } from '../../services.js';
import type { Occurrence } from '../../core/model/occurrence.js';

const DAY_MS = 24 * 60 * 60_000;

/**
 * The meetings around `now` that a new item needs: the one it belongs to (running, else the
 * last) and the date `next meeting` means. Local reads only: safe before the ack.
 */
export async function todoMeetings(
  services: Services,
  group: ResolvedGroup,
  now: Date,
): Promise<{ meeting: Occurrence | undefined; nextMeetingDate: LocalDate | undefined }> {
  // Back far enough to find the last meeting of a monthly group that skipped a month.
  const around = await services.occurrences.between(
    group.id,
    new Date(now.getTime() - 70 * DAY_MS),
    new Date(now.getTime() + 400 * DAY_MS),
  );
  return { meeting: meetingForNewItem(around, now), nextMeetingDate: nextMeetingDate(around, now) };
}
