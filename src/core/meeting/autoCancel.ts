import type { KnownBlock } from '@slack/types';
import { MINUTE_MS } from '../duration.js';
import type { Group } from '../group.js';
import type { GroupId, SlackUserId } from '../ids.js';
import type { Occurrence } from '../model/occurrence.js';
import { escapePlain, mentionUser } from '../mrkdwn.js';
import type { JobSpec } from '../ports/jobQueue.js';
import { STAGE_AHEAD_MS } from '../reminder/reminderDelivery.js';
import { formatZoned } from '../zonedFormat.js';

/**
 * `cancel_if_no_agenda`: a meeting whose agenda is still empty that long before its start is
 * cancelled by gavel, and the channel is told, with a Keep button for the leads.
 */

export const AUTO_CANCEL_JOB = 'auto-cancel';

/** Who cancelled a meeting gavel cancelled for want of an agenda (the stored `cancelledBy`). */
export const CANCELLED_FOR_NO_AGENDA = 'gavel:no-agenda';

/** The most `cancel_if_no_agenda` may be: further ahead, an empty agenda says little. */
export const AUTO_CANCEL_MAX_MINUTES = 14 * 24 * 60;

/**
 * How long before its moment (start − cancel_if_no_agenda) the agenda is looked at: a minute
 * before a reminder of the same lead time is handed to Slack (STAGE_AHEAD_MS before its minute),
 * so a meeting cancelled for want of an agenda never has that reminder posted.
 */
export const AUTO_CANCEL_AHEAD_MS = STAGE_AHEAD_MS + MINUTE_MS;

/** Block action id of the notice's button; its value is the meeting's key. */
export const KEEP_MEETING_ACTION = 'meeting.keep';

export interface AutoCancelPayload {
  readonly groupId: GroupId;
  /** The meeting's start, ISO UTC. */
  readonly startsAt: string;
}

/** The job's key, and the key of the channel notice it posts (EffectLedger). */
export const autoCancelKey = (groupId: string, startsAt: string): string =>
  `${AUTO_CANCEL_JOB}:${groupId}:${startsAt}`;

/**
 * The meeting's auto-cancel job, when the group asks for one. Not for a meeting stored after
 * its moment (one added in Slack the day before): it would be cancelled as it is made. Its key
 * is not among the planner's cancellable prefixes: the job looks at the meeting when it runs.
 */
export function autoCancelJobs(
  group: Pick<Group, 'id' | 'cancelIfNoAgendaMinutes'>,
  o: Pick<Occurrence, 'startsAt' | 'createdAt'>,
): JobSpec[] {
  const lead = group.cancelIfNoAgendaMinutes;
  if (lead === undefined) return [];
  const runAt = new Date(Date.parse(o.startsAt) - lead * MINUTE_MS - AUTO_CANCEL_AHEAD_MS);
  if (runAt.getTime() <= Date.parse(o.createdAt)) return [];
  const payload: AutoCancelPayload = { groupId: group.id, startsAt: o.startsAt };
  return [{ key: autoCancelKey(group.id, o.startsAt), kind: AUTO_CANCEL_JOB, runAt, payload }];
}

export interface AutoCancelNotice {
  readonly title: string;
  readonly startsAt: Date;
  readonly timeZone: string;
}

/** `Weekly call of Thu 3 Dec`, the title escaped (it comes from the groups file). */
const meetingName = (n: AutoCancelNotice): string =>
  `${escapePlain(n.title)} of ${formatZoned(n.startsAt, n.timeZone, 'EEE d MMM')}`;

/** The channel's notice, with the Keep button (its value names the meeting). */
export function autoCancelMessage(
  n: AutoCancelNotice,
  meetingKey: string,
): { text: string; blocks: KnownBlock[] } {
  const text = `No agenda for the ${meetingName(n)}, so it is cancelled. A lead can keep it.`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `:no_entry_sign: ${text}` } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: KEEP_MEETING_ACTION,
            text: { type: 'plain_text', text: 'Keep the meeting' },
            value: meetingKey,
          },
        ],
      },
    ],
  };
}

/** The notice once a lead kept the meeting: the button gone. */
export function keptMessage(n: AutoCancelNotice, by: SlackUserId): { text: string; blocks: KnownBlock[] } {
  const text = `No agenda for the ${meetingName(n)}, but it goes ahead. Kept by ${mentionUser(by)}.`;
  return {
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:white_check_mark: ${text}` } }],
  };
}
