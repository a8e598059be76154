import { GavelError } from '../core/errors.js';
import { meetingInProgress, upcomingMeetings } from '../core/agenda/meetingChoice.js';
import type { ResolvedGroup } from '../core/groupDirectory.js';
import { isLead } from '../core/group.js';
import type { SlackUserId } from '../core/ids.js';
import { minutesNowJobSpec } from '../core/minutes/minutesJobPlan.js';
import { notesAnswer, notesDecision } from '../core/minutes/notesAnswer.js';
import type { Services } from '../services.js';

const DAY_MS = 24 * 60 * 60_000;
const AHEAD_MS = 400 * DAY_MS;

/**
 * `/meeting notes`: the minutes link of the meeting in progress, else the next one. If the
 * doc does not exist yet and its time has come (or a lead asks early), the creation is
 * queued now and the link follows in the channel. Local reads and one insert: safe before
 * Slack's 3-second ack.
 */
export async function minutesNotes(
  services: Services,
  group: ResolvedGroup,
  userId: SlackUserId,
): Promise<string> {
  const now = services.clock.now();
  const around = await services.occurrences.between(
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
  const settings = services.minutes ? group.minutes : undefined;
  const startsAt = new Date(meeting.startsAt);
  const decision = notesDecision({
    settings,
    minutesUrl: meeting.minutes?.url ?? null,
    startsAt,
    now,
    isLead: isLead(group, userId),
  });
  if (decision.kind === 'create-now') {
    await services.queue.enqueue([minutesNowJobSpec(group.id, meeting.startsAt, now, userId)], now);
  }
  return notesAnswer(decision, {
    groupName: group.name,
    title: meeting.title,
    startsAt,
    timeZone: group.timeZone,
    settings,
  });
}
