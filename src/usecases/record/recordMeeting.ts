import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import { DAY_MS, MINUTE_MS } from '../../core/duration.js';
import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate } from '../../core/ids.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import {
  CHECK_IN_CLOSES_AFTER_MINUTES,
  CHECK_IN_OPENS_BEFORE_MINUTES,
  meetingForRecord,
  meetingInProgress,
} from '../../core/record/recordWindows.js';

type Lookup = { readonly occurrences: Pick<OccurrenceRepository, 'between' | 'onDate' | 'next'> };

/** Meetings that may be in progress or just over: from two days back to an hour ahead. */
const nearby = (deps: Lookup, group: ResolvedGroup, now: Date): Promise<Occurrence[]> =>
  deps.occurrences.between(group.id, new Date(now.getTime() - 2 * DAY_MS), new Date(now.getTime() + DAY_MS));

const scheduledOn = async (deps: Lookup, group: ResolvedGroup, date: LocalDate): Promise<Occurrence> => {
  const meetings = (await deps.occurrences.onDate(group.id, date)).filter((o) => o.status === 'scheduled');
  const first = meetings[0];
  if (!first) throw new GavelError('no_meeting', `${group.name} has no meeting on ${date}.`);
  return first;
};

/** The meeting a check-in is for: the one in progress (from 10 minutes before to 30 after). */
export async function meetingToCheckIn(deps: Lookup, group: ResolvedGroup, now: Date): Promise<Occurrence> {
  const around = await nearby(deps, group, now);
  const meeting = meetingInProgress(around, now);
  if (meeting) return meeting;
  const next = await deps.occurrences.next(group.id, now);
  throw new GavelError(
    'no_meeting',
    `No ${group.name} meeting is in progress: check-in opens ${CHECK_IN_OPENS_BEFORE_MINUTES} minutes before a meeting starts and closes ${CHECK_IN_CLOSES_AFTER_MINUTES} minutes after it ends.` +
      (next ? ` The next one is ${meetingLabel(next.startsAt, group.timeZone)}.` : ''),
  );
}

/**
 * The meeting a decision or recording is for: the one on `date` (once it has begun), or the one
 * in progress or ended in the last day. `what` names the command in the refusal.
 */
export async function meetingToRecord(
  deps: Lookup,
  group: ResolvedGroup,
  now: Date,
  date: LocalDate | undefined,
  what: 'decision' | 'recording',
): Promise<Occurrence> {
  if (date) {
    const meeting = await scheduledOn(deps, group, date);
    if (Date.parse(meeting.startsAt) - CHECK_IN_OPENS_BEFORE_MINUTES * MINUTE_MS > now.getTime()) {
      throw new GavelError(
        'bad_input',
        `The meeting of ${date} has not happened yet: add its recording once it has.`,
      );
    }
    return meeting;
  }
  const around = await nearby(deps, group, now);
  const meeting = meetingForRecord(around, now);
  if (meeting) return meeting;
  if (what === 'decision') {
    throw new GavelError(
      'no_meeting',
      `No ${group.name} meeting is in progress or ended in the last day: a decision is recorded during its meeting or up to a day after it.`,
    );
  }
  const last = around
    .filter((o) => o.status === 'scheduled' && Date.parse(o.startsAt) <= now.getTime())
    .at(-1);
  throw new GavelError(
    'no_meeting',
    `No ${group.name} meeting is in progress or ended in the last day. For an older one, add its date` +
      (last
        ? `, e.g. \`/meeting recording &lt;url&gt; ${last.localDate}\`.`
        : ': `/meeting recording &lt;url&gt; YYYY-MM-DD`.'),
  );
}

/** The meeting an attendance list is about: the one on `date`, else the current or latest one. */
export async function meetingToReport(
  deps: Lookup,
  group: ResolvedGroup,
  now: Date,
  date: LocalDate | undefined,
): Promise<Occurrence> {
  if (date) return scheduledOn(deps, group, date);
  const around = await nearby(deps, group, now);
  const current = meetingInProgress(around, now);
  if (current) return current;
  const started = around.filter((o) => o.status === 'scheduled' && Date.parse(o.startsAt) <= now.getTime());
  const latest = started.at(-1);
  if (latest) return latest;
  const older = (
    await deps.occurrences.between(group.id, new Date(now.getTime() - 400 * DAY_MS), now)
  ).filter((o) => o.status === 'scheduled');
  const last = older.at(-1);
  if (last) return last;
  throw new GavelError('no_meeting', `${group.name} has had no meeting yet.`);
}
