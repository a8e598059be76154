import { GavelError } from '../../core/errors.js';
import type { GroupDirectory, ResolvedGroup } from '../../core/groupDirectory.js';
import type { SlackUserId } from '../../core/ids.js';
import { CANCELLED_FOR_NO_AGENDA, keptMessage } from '../../core/meeting/autoCancel.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';
import { type RestoreMeetingDeps, restoreOccurrence } from './cancelMeeting.js';
import { requireLead } from './meetingOnDate.js';

export interface KeepMeetingDeps extends RestoreMeetingDeps {
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly occurrences: RestoreMeetingDeps['occurrences'] & Pick<OccurrenceRepository, 'find'>;
  readonly workspace: Pick<SlackWorkspace, 'update'>;
}

export interface KeepMeetingInput {
  readonly group: ResolvedGroup;
  readonly userId: SlackUserId;
  readonly startsAt: string;
  /** The notice the button was pressed on: redrawn as kept. */
  readonly notice: { readonly channel: string; readonly ts: string };
}

/**
 * "Keep the meeting" on gavel's no-agenda notice (leads only): the meeting goes ahead again, as
 * `/meeting restore` would have it (reminders and all), and the notice says who kept it.
 * The auto-cancel job ran once; it does not cancel a kept meeting again.
 */
export async function keepMeeting(
  deps: KeepMeetingDeps,
  { group, userId, startsAt, notice }: KeepMeetingInput,
): Promise<'kept' | 'already going ahead'> {
  requireLead(group, userId, 'keep');
  const occurrence = await deps.occurrences.find(group.id, startsAt);
  if (!occurrence) throw new GavelError('not_found', 'That meeting is no longer planned.');
  if (Date.parse(occurrence.startsAt) <= deps.clock.now().getTime()) {
    throw new GavelError('bad_input', 'That meeting has already started.');
  }
  if (occurrence.status === 'cancelled' && occurrence.cancelledBy !== CANCELLED_FOR_NO_AGENDA) {
    throw new GavelError(
      'conflict',
      `The meeting of ${occurrence.localDate} was cancelled again since. \`/meeting restore ${occurrence.localDate}\` brings it back.`,
    );
  }
  const outcome = occurrence.status === 'cancelled' ? 'kept' : 'already going ahead';
  if (outcome === 'kept') await restoreOccurrence(deps, group, occurrence);
  const message = keptMessage(
    { title: occurrence.title, startsAt: new Date(occurrence.startsAt), timeZone: group.timeZone },
    userId,
  );
  await deps.workspace.update(notice.channel, notice.ts, message);
  return outcome;
}
