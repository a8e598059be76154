import type { Occurrence } from '../model/occurrence.js';

/** Who cancelled a meeting that the groups file cancels (`cancelled:` or the meeting gone from it). */
export const CANCELLED_BY_FILE = 'config';

/**
 * The `cancelledBy` of a meeting going ahead although a rule of the groups file (a break, a
 * public holiday) cancels it: a lead restored it in Slack, and the next plan leaves it so.
 */
export const RESTORED_OVER_FILE = 'restored';

/** The status a stored `cancelledBy` stands for: a restored meeting goes ahead. */
export const statusOf = (cancelledBy: string | null): Occurrence['status'] =>
  cancelledBy === null || cancelledBy === RESTORED_OVER_FILE ? 'scheduled' : 'cancelled';

type Cancellation = Pick<Occurrence, 'status' | 'cancelledBy'>;

/**
 * How the groups file cancels a meeting: `named` under `cancelled:` (or the meeting gone from
 * the file), or by a `rule` (a break, a public holiday) that a lead may override in Slack.
 */
export type FileCancellation = 'named' | 'rule' | undefined;

/**
 * A stored meeting's status once the groups file has been read again: the file's
 * cancellations come and go with the file, a lead's cancellation in Slack stays, and so does a
 * lead's restore of a meeting a rule cancels (until the file names the date).
 */
export function cancellationAfterPlan(current: Cancellation, file: FileCancellation): Cancellation {
  const restored = current.status === 'scheduled' && current.cancelledBy === RESTORED_OVER_FILE;
  if (file === 'rule' && restored) return { status: 'scheduled', cancelledBy: RESTORED_OVER_FILE };
  if (file !== undefined) {
    return current.status === 'cancelled'
      ? { status: 'cancelled', cancelledBy: current.cancelledBy }
      : { status: 'cancelled', cancelledBy: CANCELLED_BY_FILE };
  }
  if (restored || (current.status === 'cancelled' && current.cancelledBy === CANCELLED_BY_FILE)) {
    return { status: 'scheduled', cancelledBy: null };
  }
  return { status: current.status, cancelledBy: current.cancelledBy };
}

/** How a planned meeting is cancelled by the file, for cancellationAfterPlan. */
export const fileCancellationOf = (p: {
  readonly cancelled: boolean;
  readonly cancelledByRule?: true;
}): FileCancellation => (!p.cancelled ? undefined : p.cancelledByRule ? 'rule' : 'named');

/**
 * How the groups file cancels this stored meeting, if it does: `named` (its date under
 * `cancelled:`, or the meeting gone from the file) is for the file alone to change, the next
 * plan would cancel it again; `rule` (a break, a holiday) a lead may override in Slack.
 * `planned` is what the file makes of the meeting's date (`occurrenceOn`).
 */
export function fileCancellation(
  occurrence: Pick<Occurrence, 'startsAt' | 'source' | 'cancelledBy'>,
  planned: readonly {
    readonly startsAt: Date;
    readonly cancelled: boolean;
    readonly cancelledByRule?: true;
  }[],
): FileCancellation {
  if (occurrence.source === 'added') return undefined;
  const same = planned.find((p) => p.startsAt.toISOString() === occurrence.startsAt);
  if (same?.cancelled) return fileCancellationOf(same);
  return occurrence.cancelledBy === CANCELLED_BY_FILE ? 'named' : undefined;
}

/** Whether the groups file cancels this stored meeting in a way Slack cannot change. */
export const isCancelledInFile = (
  occurrence: Pick<Occurrence, 'startsAt' | 'source' | 'cancelledBy'>,
  planned: Parameters<typeof fileCancellation>[1],
): boolean => fileCancellation(occurrence, planned) === 'named';
