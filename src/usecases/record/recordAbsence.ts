import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import { GavelError } from '../../core/errors.js';
import { isLead } from '../../core/group.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate, SlackUserId } from '../../core/ids.js';
import type { RecordDeps } from './recordDeps.js';

/**
 * `/meeting absent <date> [@person]`: a leave of absence for that meeting. Anyone may record
 * their own; a lead may record someone else's. A leave is asked for ahead, so a meeting that
 * has ended is refused.
 */
export async function recordAbsence(
  deps: Pick<RecordDeps, 'clock' | 'occurrences' | 'records'>,
  input: {
    readonly group: ResolvedGroup;
    readonly userId: SlackUserId;
    readonly date: LocalDate;
    readonly person: SlackUserId | undefined;
  },
): Promise<{ readonly text: string }> {
  const { group, userId, date } = input;
  const person = input.person ?? userId;
  if (person !== userId && !isLead(group, userId)) {
    throw new GavelError('not_a_lead', 'Only a lead can record a leave of absence for someone else.');
  }
  const now = deps.clock.now();
  const meeting = (await deps.occurrences.onDate(group.id, date)).find((o) => o.status === 'scheduled');
  if (!meeting) throw new GavelError('no_meeting', `${group.name} has no meeting on ${date}.`);
  if (Date.parse(meeting.endsAt) < now.getTime()) {
    throw new GavelError(
      'bad_input',
      `The meeting of ${date} is over: a leave of absence is recorded before the meeting.`,
    );
  }
  const added = await deps.records.recordAbsence(group.id, meeting.startsAt, person, userId, now);
  const who = person === userId ? 'You are' : `<@${person}> is`;
  const label = `${meeting.title} of ${meetingLabel(meeting.startsAt, group.timeZone)}`;
  return {
    text: added
      ? `:palm_tree: ${who} on leave for the ${label}: it does not count against voting rights.`
      : `${who} already on leave for the ${label}.`,
  };
}
