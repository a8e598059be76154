/**
 * An agenda item's timebox: how many minutes the group means to give it. Bounded so a typo
 * (`for 900m`) is caught, not shown as a four-hour item.
 */
export const TIMEBOX_MIN = 1;
export const TIMEBOX_MAX = 240;

/**
 * `15m`, `15min`, `1h`, `1h30m`, `1h30`; with `bareMinutes` (the form's own field) also `15`.
 * A unit is required in a command so `Plan for 2027` stays a topic. Undefined when the text
 * is not a duration at all; out-of-range durations parse, and timeboxProblem says so.
 */
export function parseTimebox(text: string, opts: { bareMinutes?: boolean } = {}): number | undefined {
  const t = text.trim().toLowerCase();
  const hours = /^(\d{1,2})\s*h(?:\s*(\d{1,2})\s*(?:m|min)?)?$/.exec(t);
  if (hours) return Number(hours[1]) * 60 + Number(hours[2] ?? 0);
  const minutes = /^(\d{1,4})\s*(m|min|mins|minutes)$/.exec(t);
  if (minutes) return Number(minutes[1]);
  if (opts.bareMinutes && /^\d{1,4}$/.test(t)) return Number(t);
  return undefined;
}

/** Why a parsed timebox is refused, or undefined when it is within bounds. */
export function timeboxProblem(minutes: number): string | undefined {
  if (minutes >= TIMEBOX_MIN && minutes <= TIMEBOX_MAX) return undefined;
  return `A timebox is ${TIMEBOX_MIN} to ${TIMEBOX_MAX} minutes (4h); ${minutes} min is ${minutes < TIMEBOX_MIN ? 'too short' : 'too long'}.`;
}

/** `15 min`: how lists, reminders and the doc show a timebox. */
export const formatTimebox = (minutes: number): string => `${minutes} min`;

/** ` (15 min)` after a topic, or nothing. */
export const timeboxSuffix = (minutes: number | null | undefined): string =>
  minutes ? ` (${formatTimebox(minutes)})` : '';

/**
 * `Agenda: 75 min for a 60 min meeting`: the open items' timeboxes against the meeting's
 * length, once any item has one (untimed items count as nothing, and the line says how many).
 */
export function timeboxTotal(
  items: readonly { readonly timeboxMinutes?: number | null; readonly status?: string }[],
  meetingMinutes: number,
): string | undefined {
  const open = items.filter((i) => (i.status ?? 'open') === 'open');
  const timed = open.filter((i) => i.timeboxMinutes);
  if (timed.length === 0) return undefined;
  const total = timed.reduce((n, i) => n + (i.timeboxMinutes ?? 0), 0);
  const untimed = open.length - timed.length;
  const over = total > meetingMinutes ? `, ${total - meetingMinutes} min over` : '';
  const rest = untimed > 0 ? ` (${untimed} item${untimed === 1 ? '' : 's'} without a timebox)` : '';
  return `Agenda: ${formatTimebox(total)} for a ${formatTimebox(meetingMinutes)} meeting${over}${rest}`;
}
