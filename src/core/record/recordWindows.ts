/**
 * When a meeting takes its record. Check-in (the button, `/meeting here`) is open from a little
 * before the start until a little after the end, so people who join early or stay late are
 * counted; decisions, the recording and the wrap-up's updates are taken for a day after the
 * end, because minutes are often tidied up the next morning.
 */
export const CHECK_IN_OPENS_BEFORE_MINUTES = 10;
export const CHECK_IN_CLOSES_AFTER_MINUTES = 30;
export const RECORD_OPEN_AFTER_MINUTES = 24 * 60;

/** What the windows need of a meeting (an `Occurrence` fits). */
export interface TimedMeeting {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly status: 'scheduled' | 'cancelled';
}

const MINUTE_MS = 60_000;
const startOf = (m: TimedMeeting): number => Date.parse(m.startsAt);
const opensAt = (m: TimedMeeting): number => startOf(m) - CHECK_IN_OPENS_BEFORE_MINUTES * MINUTE_MS;
const closesAt = (m: TimedMeeting, afterMinutes: number): number =>
  Date.parse(m.endsAt) + afterMinutes * MINUTE_MS;

/** Scheduled meetings whose window [start − 10 min, end + `afterMinutes`] holds `now`. */
function inWindow<M extends TimedMeeting>(meetings: readonly M[], now: Date, afterMinutes: number): M[] {
  const t = now.getTime();
  return meetings.filter(
    (m) => m.status === 'scheduled' && opensAt(m) <= t && t <= closesAt(m, afterMinutes),
  );
}

/**
 * The meeting people are checking in to now. When a meeting runs over into the next one's
 * lead-in, the one under way keeps its check-in: the one that started most recently wins, and
 * only when none has started yet, the one that starts soonest.
 */
export function meetingInProgress<M extends TimedMeeting>(meetings: readonly M[], now: Date): M | undefined {
  const open = inWindow(meetings, now, CHECK_IN_CLOSES_AFTER_MINUTES);
  const started = open.filter((m) => startOf(m) <= now.getTime());
  if (started.length > 0) return latest(started);
  return open.reduce<M | undefined>((best, m) => (best && startOf(best) <= startOf(m) ? best : m), undefined);
}

/**
 * The meeting a decision or a recording given now belongs to: the latest one whose record is
 * open (from 10 minutes before its start until a day after its end). A later meeting takes over
 * as soon as its check-in opens, so yesterday's meeting stops collecting once today's begins.
 */
export function meetingForRecord<M extends TimedMeeting>(meetings: readonly M[], now: Date): M | undefined {
  return latest(inWindow(meetings, now, RECORD_OPEN_AFTER_MINUTES));
}

/** Whether a meeting still takes decisions, its recording and wrap-up updates. */
export const isRecordOpen = (meeting: Pick<TimedMeeting, 'endsAt'>, now: Date): boolean =>
  now.getTime() <= Date.parse(meeting.endsAt) + RECORD_OPEN_AFTER_MINUTES * MINUTE_MS;

function latest<M extends TimedMeeting>(meetings: readonly M[]): M | undefined {
  return meetings.reduce<M | undefined>(
    (best, m) => (best && startOf(best) >= startOf(m) ? best : m),
    undefined,
  );
}
