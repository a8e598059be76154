import { meetingInProgress, upcomingMeetings } from '../../core/agenda/meetingChoice.js';
import type { Clock } from '../../core/clock.js';
import { DAY_MS } from '../../core/duration.js';
import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import { isLead } from '../../core/group.js';
import type { SlackUserId } from '../../core/ids.js';
import { minutesNowJobSpec } from '../../core/minutes/minutesJobPlan.js';
import { notesAnswer, notesDecision } from '../../core/minutes/notesAnswer.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';

const AHEAD_MS = 400 * DAY_MS;

export interface MeetingNotesDeps {
  readonly occurrences: Pick<OccurrenceRepository, 'between'>;
  readonly queue: Pick<JobQueue, 'enqueue'>;
  readonly clock: Clock;
  /** Whether minutes docs can be made at all (Google is configured). */
  readonly minutesOn: boolean;
}

/**
 * `/meeting notes`: the minutes link of the meeting in progress, else the next one. If the
 * doc does not exist yet and its time has come (or a lead asks early), the creation is
 * queued now and the link follows in the channel. Local reads and one insert: safe before
 * Slack's 3-second ack. Resolves with the answer for the asker.
 */
export async function meetingNotes(
  deps: MeetingNotesDeps,
  { group, userId }: { readonly group: ResolvedGroup; readonly userId: SlackUserId },
): Promise<string> {
  const now = deps.clock.now();
  const around = await deps.occurrences.between(
    group.id,
    new Date(now.getTime() - DAY_MS),
    new Date(now.getTime() + AHEAD_MS),
  );
  const meeting = meetingInProgress(around, now) ?? upcomingMeetings(around, now)[0];
  if (!meeting) {
    throw new GavelError(
      'no_meeting',
      'No meeting is in progress or scheduled for this group. A lead can add one with `/meeting add`.',
    );
  }
  const settings = deps.minutesOn ? group.minutes : undefined;
  const startsAt = new Date(meeting.startsAt);
  const decision = notesDecision({
    settings,
    minutesUrl: meeting.minutes?.url ?? null,
    startsAt,
    now,
    isLead: isLead(group, userId),
  });
  if (decision.kind === 'create-now') {
    await deps.queue.enqueue([minutesNowJobSpec(group.id, meeting.startsAt, now, userId)], now);
  }
  return notesAnswer(decision, {
    groupName: group.name,
    title: meeting.title,
    startsAt,
    timeZone: group.timeZone,
    settings,
  });
}
