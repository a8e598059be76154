import type { Clock } from '../../core/clock.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { GroupId, LocalDate, SlackUserId } from '../../core/ids.js';
import type { CancellationResult } from '../../core/meeting/meetingReplies.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import { fileCancellation, RESTORED_OVER_FILE } from '../../core/meeting/cancellationAfterPlan.js';
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
  setCancelled(deps, input, true, (occurrence) => withdrawAfterCancel(deps, input.group, occurrence));

/**
 * `/meeting restore <date>` (leads only): a meeting cancelled in Slack goes ahead again,
 * reminders and all, and so does one a rule of the groups file cancels (a break, a public
 * holiday: the file cannot except one date from them), until the file names the date. A date
 * named under `cancelled:` is refused: the file decides, a lead removes it there.
 */
export const restoreMeeting = (
  deps: RestoreMeetingDeps,
  input: MeetingDateInput,
): Promise<CancellationResult> => setCancelled(deps, input, false);

/**
 * Cancels a stored meeting as `/meeting cancel` does (re-plan, a reminder Slack holds taken
 * back), recorded as cancelled by `by`: gavel's own cancellations, which ask no lead.
 */
export async function cancelOccurrence(
  deps: CancelMeetingDeps,
  group: ResolvedGroup,
  occurrence: Occurrence,
  by: string,
): Promise<Occurrence> {
  const changed = await applyCancellation(deps, group, occurrence, by);
  await withdrawAfterCancel(deps, group, occurrence);
  return changed;
}

/** Restores a stored meeting as `/meeting restore` does; the caller has checked who asks. */
export const restoreOccurrence = (
  deps: RestoreMeetingDeps,
  group: ResolvedGroup,
  occurrence: Occurrence,
): Promise<Occurrence> => applyCancellation(deps, group, occurrence, null);

const withdrawAfterCancel = (deps: CancelMeetingDeps, group: ResolvedGroup, occurrence: Occurrence) => {
  const now = deps.clock.now();
  return deps.queue.enqueue([reminderWithdrawJobSpec(group.id, occurrence.startsAt, now)], now);
};

async function applyCancellation(
  deps: RestoreMeetingDeps,
  group: ResolvedGroup,
  occurrence: Occurrence,
  cancelledBy: string | null,
): Promise<Occurrence> {
  const changed = await deps.occurrences.setCancelled(occurrence.id, cancelledBy, deps.clock.now());
  await deps.replan(group.id);
  return changed;
}

async function setCancelled(
  deps: RestoreMeetingDeps,
  { group, userId, date }: MeetingDateInput,
  cancel: boolean,
  afterReplan?: (occurrence: Occurrence) => Promise<unknown>,
): Promise<CancellationResult> {
  requireLead(group, userId, cancel ? 'cancel' : 'restore');
  const now = deps.clock.now();
  const occurrence = await meetingOnDate(deps, group, date, now);
  const byFile = fileCancellation(occurrence, occurrenceOn(group, date));
  const reason = group.cancelReasons?.[date];
  // A named date follows the file: a restore here would be undone by the re-plan.
  if (byFile === 'named') return { kind: 'cancelledInFile', date, reason };
  if (occurrence.status === (cancel ? 'cancelled' : 'scheduled')) return { kind: 'unchanged', date };
  const overRule = byFile === 'rule' && !cancel;
  const by = cancel ? userId : overRule ? RESTORED_OVER_FILE : null;
  const changed = await applyCancellation(deps, group, occurrence, by);
  await afterReplan?.(occurrence);
  return { kind: 'changed', occurrence: changed, ...(overRule ? { overRule: { reason } } : {}) };
}
