import { clipCharacters } from '../agenda/characters.js';
import type { LocalDate, LocalTime } from '../ids.js';
import type { Occurrence } from '../model/occurrence.js';
import { escapePlain } from '../mrkdwn.js';
import { slackDate } from '../slackDate.js';
import { formatZoned } from '../zonedFormat.js';

/** A meeting as an overview shows it; the weekly digest adds who cancelled it and an unusual time. */
export interface OverviewMeeting extends Occurrence {
  /** `in the groups file`, `by Lea Lead`: shown after "cancelled" when known. */
  readonly cancelledHow?: string;
  /** The group's usual wall time for this meeting when it is held at another one this week. */
  readonly usualTime?: LocalTime;
  /**
   * A clock change shifts it for part of the audience: `17:00 in Berlin (one hour earlier than
   * usual)` (shiftedClause).
   */
  readonly dstShift?: string;
}

export interface GroupMeetings {
  readonly groupName: string;
  /** `#serverless` as a link to the channel, or its name. */
  readonly channelLabel: string;
  readonly timeZone: string;
  /** Soonest first; cancelled ones included (they are shown as such). */
  readonly meetings: readonly OverviewMeeting[];
}

/** `/meetings` (the next one, the coming seven days) or the weekly digest (a calendar week). */
export type OverviewMode =
  | { readonly kind: 'next' }
  | { readonly kind: 'week' }
  | {
      readonly kind: 'digest';
      /** The week's Monday and Sunday in the digest's zone. */
      readonly monday: LocalDate;
      readonly sunday: LocalDate;
      readonly timeZone: string;
    };

/** Lines one answer shows at most: a foundation's week fits; more says how many were left out. */
export const MAX_OVERVIEW_LINES = 60;
const TITLE_CHARACTERS = 100;

/**
 * The answer to `/meetings`, and the weekly digest: every group's meetings, soonest first.
 * Each time is Slack's date token, so the reader sees it in their own zone whatever the
 * group's; the fallback names the group's zone. Names and titles come from the groups file
 * (or `/meeting add`) and are escaped all the same.
 */
export function meetingsOverview(input: {
  readonly mode: 'next' | 'week' | OverviewMode;
  readonly groups: readonly GroupMeetings[];
  readonly userZone: string | undefined;
}): string {
  const mode: OverviewMode = typeof input.mode === 'string' ? { kind: input.mode } : input.mode;
  const rows = input.groups
    .flatMap((g) => g.meetings.map((o) => ({ g, o })))
    .sort((a, b) => a.o.startsAt.localeCompare(b.o.startsAt));
  const quiet = input.groups.filter((g) => g.meetings.length === 0).map((g) => escapePlain(g.groupName));
  const zone = input.userZone ? ` Times are in your zone (${input.userZone}).` : '';
  const lines = rows.slice(0, MAX_OVERVIEW_LINES).map(({ g, o }) => line(g, o));
  const more = rows.length - lines.length;
  return [
    `${heading(mode)}${zone}`,
    ...(lines.length > 0 ? lines : [nothing(mode)]),
    ...(more > 0 ? [`…and ${more} more: \`/meeting next\` in a group’s channel shows its own.`] : []),
    ...(quiet.length > 0 && mode.kind === 'next' ? [`No meeting planned: ${quiet.join(', ')}.`] : []),
  ].join('\n');
}

function heading(mode: OverviewMode): string {
  if (mode.kind === 'next') return '*The next meeting of each working group*';
  if (mode.kind === 'week') return '*Every working group’s meetings in the next seven days*';
  const day = (d: LocalDate, pattern: string) => formatZoned(new Date(`${d}T12:00:00Z`), 'UTC', pattern);
  return `*Every working group’s meetings next week, ${day(mode.monday, 'EEE d MMM')} – ${day(mode.sunday, 'EEE d MMM yyyy')}* (weeks run Monday to Sunday in ${mode.timeZone}). Each time shows in your own zone.`;
}

function nothing(mode: OverviewMode): string {
  if (mode.kind === 'next') return 'No group has a meeting planned.';
  if (mode.kind === 'week') return 'No meeting in the next seven days.';
  return 'No meeting next week.';
}

function line(g: GroupMeetings, o: OverviewMeeting): string {
  const title = escapePlain(clipCharacters(o.title, TITLE_CHARACTERS));
  const what = `*${escapePlain(g.groupName)}* (${g.channelLabel}): ${title}`;
  const when = slackDate(new Date(o.startsAt), g.timeZone, '{date_short_pretty} at {time}');
  if (o.status === 'cancelled') {
    return `• ~${what}, ${when}~ — cancelled${o.cancelledHow ? ` ${escapePlain(o.cancelledHow)}` : ''}`;
  }
  const join = o.joinUrl ? ` · <${o.joinUrl}|Join>` : '';
  const unusual = o.usualTime
    ? ` · _not at the usual ${o.usualTime} ${escapePlain(g.timeZone)} this week_`
    : '';
  const shifted = o.dstShift ? ` · _clocks change on one side only: ${o.dstShift}_` : '';
  return `• ${what}, ${when}${unusual}${shifted}${join}`;
}
