import { DAY_MS } from '../../core/duration.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate } from '../../core/ids.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import { meetingForNewItem, nextMeetingDate } from '../../core/todo/itemMeeting.js';
import type { TodoDeps } from './todoDeps.js';

export interface ItemMeetings {
  /** The meeting a new item belongs to: the one running, else the last. */
  readonly meeting: Occurrence | undefined;
  /** The date `next meeting` means. */
  readonly nextMeetingDate: LocalDate | undefined;
}

/**
 * The meetings around `now` that a new item needs. Local reads only: safe before the ack.
 */
export async function itemMeetings(
  deps: Pick<TodoDeps, 'occurrences'>,
  group: ResolvedGroup,
  now: Date,
): Promise<ItemMeetings> {
  // Back far enough to find the last meeting of a monthly group that skipped a month.
  const around = await deps.occurrences.between(
    group.id,
    new Date(now.getTime() - 70 * DAY_MS),
    new Date(now.getTime() + 400 * DAY_MS),
  );
  return { meeting: meetingForNewItem(around, now), nextMeetingDate: nextMeetingDate(around, now) };
}
