import type { Clock } from '../../core/clock.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { GroupId, LocalDate, SlackUserId } from '../../core/ids.js';
import type { CancellationResult } from '../../core/meeting/meetingReplies.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import { isCancelledInFile } from '../../core/meeting/cancellationAfterPlan.js';
import { occurrenceOn } from '../../core/schedule/occurrences.js';
import { reminderWithdrawJobSpec } from '../../core/reminder/reminderWithdrawJob.js';
import { meetingOnDate, requireLead } from './meetingOnDate.js';

export interface RestoreMeetingDeps {
  readonly occurrences: Pick<OccurrenceRepository, 'sync' | 'onDate' | 'between' | 'setCancelled'>;
  readonly clock: Clock;
  /** Re-plans the group's occurrences and reminder jobs now: they follow the change. */
  readonly replan: (groupId: GroupId) => Promise<void>;
}

export interface CancelMeetingDeps extends RestoreMeetingDeps {
  readonly queue: Pick<JobQueue, 'enqueue'>;
}

export interface MeetingDateInput {
  readonly group: ResolvedGroup;
  readonly userId: SlackUserId;
  readonly date: LocalDate;
}

/**
 * `/meeting cancel <date>` (leads only): the meeting on that date is cancelled, its reminders
 * dropped by the re-plan, and a reminder Slack already holds (handed over two minutes ahead)
 * taken back.
 */
export const cancelMeeting = (
  deps: CancelMeetingDeps,
  input: MeetingDateInput,
): Promise<CancellationResult> =>
  setCancelled(deps, input, true, (occurrence, now) =>
    deps.queue.enqueue([reminderWithdrawJobSpec(input.group.id, occurrence.startsAt, now)], now),
  );

/**
 * `/meeting restore <date>` (leads only): a meeting cancelled in Slack goes ahead again,
 * reminders and all. One the groups file cancels is refused: the file decides.
 */
export const restoreMeeting = (
  deps: RestoreMeetingDeps,
  input: MeetingDateInput,
): Promise<CancellationResult> => setCancelled(deps, input, false);

async function setCancelled(
  deps: RestoreMeetingDeps,
  { group, userId, date }: MeetingDateInput,
  cancel: boolean,
  afterReplan?: (occurrence: Occurrence, now: Date) => Promise<unknown>,
): Promise<CancellationResult> {
  requireLead(group, userId, cancel ? 'cancel' : 'restore');
  const now = deps.clock.now();
  const occurrence = await meetingOnDate(deps, group, date, now);
  // The file's cancellations follow the file: a restore here would be undone by the re-plan.
  if (isCancelledInFile(occurrence, occurrenceOn(group, date))) {
    return { kind: 'cancelledInFile', date, reason: group.cancelReasons?.[date] };
  }
  if (occurrence.status === (cancel ? 'cancelled' : 'scheduled')) return { kind: 'unchanged', date };
  const changed = await deps.occurrences.setCancelled(occurrence.id, cancel ? userId : null, now);
  await deps.replan(group.id);
  await afterReplan?.(occurrence, now);
  return { kind: 'changed', occurrence: changed };
}
