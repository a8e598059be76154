import { WEEKDAYS } from '../group.js';
import type { LocalDate, LocalTime } from '../ids.js';
import type { JobSpec } from '../ports/jobQueue.js';
import { dayNumber, localDateOf, onOrAfter, weekdayIndex } from '../schedule/civilDate.js';
import { instantToLocal, localToInstant } from '../schedule/zonedTime.js';
import type { DigestSettings } from './digestSettings.js';

export const DIGEST_JOB = 'digest';
/** Every digest job's key starts so: the planner cancels the pending ones it no longer plans. */
export const DIGEST_JOB_PREFIX = `${DIGEST_JOB}:`;

const MIDNIGHT = '00:00' as LocalTime;

/** The week one digest covers, and when it is posted. */
export interface DigestWeek {
  /** `2026-W45`: the ISO week of the covered Monday, the post's natural key. */
  readonly isoWeek: string;
  /** The covered week's Monday, in the digest's zone. */
  readonly monday: LocalDate;
  /** Monday 00:00 and the next Monday 00:00 in the digest's zone: the meetings shown start in [from, to). */
  readonly from: Date;
  readonly to: Date;
  /** The digest's day and time in the week before. */
  readonly postAt: Date;
}

export interface DigestPayload {
  readonly isoWeek: string;
  readonly monday: LocalDate;
  readonly postAt: string;
}

/** `2026-W45` for the week of that Monday (ISO 8601: the week belongs to the year of its Thursday). */
export function isoWeekOf(monday: LocalDate): string {
  const thursday = dayNumber(monday) - weekdayIndex(dayNumber(monday)) + 3;
  const year = Number(localDateOf(thursday).slice(0, 4));
  const firstOfYear = dayNumber(`${year}-01-01` as LocalDate);
  const week = Math.floor((thursday - firstOfYear) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The week starting on `monday`: its bounds and the digest's time in the week before it. */
export function digestWeekOf(settings: DigestSettings, monday: LocalDate): DigestWeek {
  const day = dayNumber(monday);
  const postDay = day - 7 + WEEKDAYS.indexOf(settings.weekday);
  return {
    isoWeek: isoWeekOf(monday),
    monday,
    from: localToInstant(monday, MIDNIGHT, settings.timeZone),
    to: localToInstant(localDateOf(day + 7), MIDNIGHT, settings.timeZone),
    postAt: localToInstant(localDateOf(postDay), settings.time, settings.timeZone),
  };
}

/**
 * The digest to plan at `now`: the one for the week that starts at the next Monday 00:00 in
 * the digest's zone. Its time may have passed (gavel was down, or the digest was just
 * configured): it is then posted late, as long as its week has not begun.
 */
export function nextDigestWeek(settings: DigestSettings, now: Date): DigestWeek {
  const today = dayNumber(instantToLocal(now, settings.timeZone).date);
  return digestWeekOf(settings, localDateOf(onOrAfter(today + 1, 'monday')));
}

/**
 * The digest's job. Its key holds the post's time as well as the week, so that a changed
 * `day`, `time` or `timezone` plans a new job and the old one is cancelled; the post itself
 * is keyed by the week alone (digestPostKey), so a week's digest is posted once whatever
 * its jobs.
 */
export function digestJobSpec(week: DigestWeek): JobSpec {
  const payload: DigestPayload = {
    isoWeek: week.isoWeek,
    monday: week.monday,
    postAt: week.postAt.toISOString(),
  };
  return {
    key: `${DIGEST_JOB_PREFIX}${week.isoWeek}@${payload.postAt}`,
    kind: DIGEST_JOB,
    payload,
    runAt: week.postAt,
  };
}

/** The natural key of a week's digest post (effect ledger and Slack metadata). */
export const digestPostKey = (isoWeek: string): string => `${DIGEST_JOB_PREFIX}${isoWeek}`;
