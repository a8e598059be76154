import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import { GavelError } from '../../core/errors.js';
import { isLead } from '../../core/group.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { SlackUserId } from '../../core/ids.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import { meetingInProgress } from '../../core/record/recordWindows.js';
import { checkInFollowUps } from '../../core/record/recordFollowUps.js';
import type { RecordDeps } from './recordDeps.js';
import { meetingToCheckIn } from './recordMeeting.js';

export type CheckInDeps = Pick<RecordDeps, 'clock' | 'occurrences' | 'records' | 'queue'>;

export interface CheckInResult {
  readonly meeting: Occurrence;
  readonly label: string;
  readonly newly: readonly SlackUserId[];
  readonly already: readonly SlackUserId[];
  readonly byOther: boolean;
}

/**
 * Records people as present at the meeting in progress: the person themselves (the button,
 * `/meeting here`), or others when a lead names them. `startsAt` is the meeting a button was
 * pressed for; it must still be in its check-in window. Checking in twice changes nothing;
 * each new attendee is then written into the minutes and the wrap-up.
 */
export async function checkIn(
  deps: CheckInDeps,
  input: {
    readonly group: ResolvedGroup;
    readonly userId: SlackUserId;
    readonly others: readonly SlackUserId[];
    readonly startsAt?: string;
  },
): Promise<CheckInResult> {
  const { group, userId, others } = input;
  const byOther = others.length > 0 && !(others.length === 1 && others[0] === userId);
  if (byOther && !isLead(group, userId)) {
    throw new GavelError(
      'not_a_lead',
      'Only a lead can check others in. To check yourself in: `/meeting here`.',
    );
  }
  const now = deps.clock.now();
  const meeting = input.startsAt
    ? await buttonMeeting(deps, group, input.startsAt, now)
    : await meetingToCheckIn(deps, group, now);
  const people = others.length > 0 ? others : [userId];
  const newly = await deps.records.checkIn(group.id, meeting.startsAt, people, userId, now);
  if (newly.length > 0) {
    const checkedIn = newly.map((u) => ({
      groupId: group.id,
      meetingStartsAt: meeting.startsAt,
      userId: u,
      recordedBy: userId,
      recordedAt: now.toISOString(),
    }));
    await deps.queue.enqueue(checkInFollowUps(group, checkedIn, now), now);
  }
  const fresh = new Set(newly);
  return {
    meeting,
    label: `${meeting.title} of ${meetingLabel(meeting.startsAt, group.timeZone)}`,
    newly,
    already: people.filter((p) => !fresh.has(p)),
    byOther,
  };
}

/** The meeting of an "I'm here" button, if its check-in window is still open. */
async function buttonMeeting(
  deps: Pick<CheckInDeps, 'occurrences'>,
  group: ResolvedGroup,
  startsAt: string,
  now: Date,
): Promise<Occurrence> {
  const meeting = await deps.occurrences.find(group.id, startsAt);
  if (meeting && meetingInProgress([meeting], now)) return meeting;
  throw new GavelError(
    'no_meeting',
    meeting?.status === 'cancelled'
      ? 'That meeting was cancelled.'
      : 'Check-in for that meeting is closed: it closes 30 minutes after the meeting ends.',
  );
}
