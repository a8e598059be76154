import { clipCharacters } from '../agenda/characters.js';
import type { Occurrence } from '../model/occurrence.js';
import { escapePlain } from '../mrkdwn.js';
import { slackDate } from '../slackDate.js';

export interface GroupMeetings {
  readonly groupName: string;
  /** `#serverless` as a link to the channel, or its name. */
  readonly channelLabel: string;
  readonly timeZone: string;
  /** Soonest first; cancelled ones included (they are shown as such). */
  readonly meetings: readonly Occurrence[];
}

/** Lines one answer shows at most: a foundation's week fits; more says how many were left out. */
export const MAX_OVERVIEW_LINES = 60;
const TITLE_CHARACTERS = 100;

/**
 * The answer to `/meetings`: every group's meetings, soonest first. Each time is Slack's date
 * token, so the reader sees it in their own zone whatever the group's; the fallback names the
 * group's zone. Names and titles come from the groups file and are escaped all the same.
 */
export function meetingsOverview(input: {
  readonly mode: 'next' | 'week';
  readonly groups: readonly GroupMeetings[];
  readonly userZone: string | undefined;
}): string {
  const { mode } = input;
  const rows = input.groups
    .flatMap((g) => g.meetings.map((o) => ({ g, o })))
    .sort((a, b) => a.o.startsAt.localeCompare(b.o.startsAt));
  const quiet = input.groups.filter((g) => g.meetings.length === 0).map((g) => escapePlain(g.groupName));
  const heading =
    mode === 'next'
      ? '*The next meeting of each working group*'
      : '*Every working group’s meetings in the next seven days*';
  const zone = input.userZone ? ` Times are in your zone (${input.userZone}).` : '';
  const lines = rows.slice(0, MAX_OVERVIEW_LINES).map(({ g, o }) => line(g, o));
  const more = rows.length - lines.length;
  return [
    `${heading}${zone}`,
    ...(lines.length > 0
      ? lines
      : [mode === 'next' ? 'No group has a meeting planned.' : 'No meeting in the next seven days.']),
    ...(more > 0 ? [`…and ${more} more: \`/meeting next\` in a group’s channel shows its own.`] : []),
    ...(quiet.length > 0 && mode === 'next' ? [`No meeting planned: ${quiet.join(', ')}.`] : []),
  ].join('\n');
}

function line(g: GroupMeetings, o: Occurrence): string {
  const title = escapePlain(clipCharacters(o.title, TITLE_CHARACTERS));
  const what = `*${escapePlain(g.groupName)}* (${g.channelLabel}): ${title}`;
  const when = slackDate(new Date(o.startsAt), g.timeZone, '{date_short_pretty} at {time}');
  if (o.status === 'cancelled') return `• ~${what}, ${when}~ — cancelled`;
  const join = o.joinUrl ? ` · <${o.joinUrl}|Join>` : '';
  return `• ${what}, ${when}${join}`;
}
