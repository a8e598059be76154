import type { Occurrence } from '../../core/model/occurrence.js';
import type { LocalDate } from '../ids.js';
import { meetingLabel } from './meetingLabel.js';

/**
 * Which meeting an agenda command is about. Without a date both mean the meeting in progress,
 * else the next one. On a named date `add` (and the target of `move`) needs a scheduled
 * meeting that has not ended; `view` (list, remove, done, the source of `move`) takes any
 * meeting on that date, past ones too.
 */
export type MeetingPurpose = 'add' | 'view';

export type MeetingChoice =
  { readonly ok: true; readonly meeting: Occurrence } | { readonly ok: false; readonly message: string };

/** How many upcoming dates an error suggests. */
const SUGGESTED = 4;

const startedBy = (o: Occurrence, now: Date) => o.startsAt <= now.toISOString();
const endedBy = (o: Occurrence, now: Date) => o.endsAt <= now.toISOString();

/** Scheduled meetings that have not started, soonest first. */
export function upcomingMeetings(occurrences: readonly Occurrence[], now: Date): Occurrence[] {
  return occurrences
    .filter((o) => o.status === 'scheduled' && !startedBy(o, now))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** The scheduled meeting going on at `now`, if any. */
export function meetingInProgress(occurrences: readonly Occurrence[], now: Date): Occurrence | undefined {
  const t = now.toISOString();
  return occurrences
    .filter((o) => o.status === 'scheduled' && o.startsAt <= t && t < o.endsAt)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
}

export function chooseMeeting(input: {
  readonly purpose: MeetingPurpose;
  readonly date: LocalDate | undefined;
  /** The group's occurrences from a day ago onwards. */
  readonly around: readonly Occurrence[];
  /** The group's occurrences on `date` (empty without one). */
  readonly onDate: readonly Occurrence[];
  readonly now: Date;
  readonly timeZone: string;
}): MeetingChoice {
  const { purpose, date, now, timeZone } = input;
  const upcoming = upcomingMeetings(input.around, now);
  const suggestion = suggest(upcoming);
  if (date === undefined) {
    // During a meeting, that meeting: what `/agenda list` shows is where `/agenda add` goes.
    const meeting = meetingInProgress(input.around, now) ?? upcoming[0];
    return meeting
      ? { ok: true, meeting }
      : {
          ok: false,
          message: 'No upcoming meeting is scheduled for this group. A lead can add one with `/meeting add`.',
        };
  }
  const sameDay = [...input.onDate].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (purpose === 'view') {
    const meeting = sameDay.find((o) => o.status === 'scheduled') ?? sameDay[0];
    return meeting
      ? { ok: true, meeting }
      : { ok: false, message: `There is no meeting on ${date}. ${suggestion}` };
  }
  const open = sameDay.find((o) => o.status === 'scheduled' && !endedBy(o, now));
  if (open) return { ok: true, meeting: open };
  const scheduled = sameDay.find((o) => o.status === 'scheduled');
  if (scheduled) {
    return {
      ok: false,
      message: `The meeting of ${meetingLabel(scheduled.startsAt, timeZone)} has already ended. ${suggestion}`,
    };
  }
  if (sameDay[0]) {
    return {
      ok: false,
      message: `The meeting of ${meetingLabel(sameDay[0].startsAt, timeZone)} is cancelled. ${suggestion}`,
    };
  }
  return { ok: false, message: `There is no meeting on ${date}. ${suggestion}` };
}

function suggest(upcoming: readonly Occurrence[]): string {
  const dates = [...new Set(upcoming.map((o) => o.localDate))].slice(0, SUGGESTED);
  if (dates.length === 0) return 'No upcoming meetings are scheduled.';
  return `Upcoming meetings: ${dates.join(', ')}.`;
}
