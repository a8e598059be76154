import type { GroupDirectory } from '../../core/groupDirectory.js';
import {
  type AutoCancelPayload,
  autoCancelKey,
  autoCancelMessage,
  CANCELLED_FOR_NO_AGENDA,
} from '../../core/meeting/autoCancel.js';
import { meetingKey } from '../../core/meeting/meetingKey.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import type { EffectLedger } from '../../core/ports/effectLedger.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';
import { postOnce } from '../record/postOnce.js';
import { type CancelMeetingDeps, cancelOccurrence } from './cancelMeeting.js';

export interface AutoCancelDeps extends CancelMeetingDeps {
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly occurrences: CancelMeetingDeps['occurrences'] & Pick<OccurrenceRepository, 'find'>;
  readonly agenda: Pick<AgendaRepository, 'openForMeeting'>;
  readonly effects: EffectLedger;
  readonly workspace: Pick<SlackWorkspace, 'post' | 'findPosted'>;
}

export type AutoCancelOutcome =
  'cancelled' | 'has agenda' | 'already cancelled' | 'announced before' | 'not due' | 'skipped';

/**
 * `cancel_if_no_agenda`'s moment: a meeting still going ahead with an empty agenda is cancelled
 * (as a lead's `/meeting cancel`, recorded as by gavel for want of an agenda) and the channel
 * told once, with the Keep button. Looks at the meeting as it is now: nothing for a meeting
 * with an item, one already cancelled, or one whose notice went out before (a lead kept it).
 */
export async function autoCancelMeeting(
  deps: AutoCancelDeps,
  payload: AutoCancelPayload,
  now: Date,
): Promise<AutoCancelOutcome> {
  const group = deps.groups.byId(payload.groupId);
  const occurrence = group ? await deps.occurrences.find(group.id, payload.startsAt) : undefined;
  if (!group || !occurrence || group.cancelIfNoAgendaMinutes === undefined) return 'skipped';
  if (Date.parse(occurrence.startsAt) <= now.getTime()) return 'not due';
  const key = autoCancelKey(group.id, occurrence.startsAt);
  // The notice is the mark that gavel cancelled it once: kept since, it stays kept.
  if ((await deps.effects.state(key))?.state === 'done') return 'announced before';
  let cancelled: Occurrence = occurrence;
  if (occurrence.status === 'cancelled') {
    // Cancelled by gavel on an attempt cut off before its notice: the notice still goes out.
    if (occurrence.cancelledBy !== CANCELLED_FOR_NO_AGENDA) return 'already cancelled';
  } else {
    const agenda = await deps.agenda.openForMeeting(group.id, occurrence.startsAt);
    if (agenda.length > 0) return 'has agenda';
    cancelled = await cancelOccurrence(deps, group, occurrence, CANCELLED_FOR_NO_AGENDA);
  }
  const message = autoCancelMessage(
    { title: cancelled.title, startsAt: new Date(cancelled.startsAt), timeZone: group.timeZone },
    meetingKey(group.id, cancelled.startsAt),
  );
  await postOnce(deps, key, group.channelId, message, now);
  return 'cancelled';
}
