import type { AgendaItem } from '../../core/model/agendaItem.js';
import { escapeMrkdwn, escapePlain, mentionUser } from '../mrkdwn.js';
import { authorMrkdwn, type ShownItem, topicMrkdwn } from './agendaItemText.js';
import { clipCharacters } from './characters.js';
import { timeboxSuffix, timeboxTotal } from './timebox.js';

/**
 * The sentences agenda commands answer with. Every topic and detail is user text and goes
 * through escapeMrkdwn: `<!channel>` typed in a topic never pings, pasted links still work.
 */
type Item = Pick<AgendaItem, 'number' | 'topic' | 'details' | 'authorId' | 'status' | 'rolledFrom'> &
  Pick<ShownItem, 'github' | 'timeboxMinutes'>;

/** Details are repeated in the confirmation only up to this many characters. */
const DETAILS_PREVIEW = 500;

export function addedText(userId: string, item: Item, meeting: string): string {
  const head = `${mentionUser(userId)} added #${item.number} to the agenda of ${meeting}: ${escapeMrkdwn(item.topic)}${timeboxSuffix(item.timeboxMinutes)}`;
  return item.details ? `${head}\n${quoted(clipCharacters(item.details, DETAILS_PREVIEW))}` : head;
}

export const removedText = (userId: string, item: Item, meeting: string): string =>
  `${mentionUser(userId)} removed #${item.number} from the agenda of ${meeting}: ${topicMrkdwn(item)}`;

export const movedText = (
  userId: string,
  from: Item,
  to: Item,
  fromMeeting: string,
  toMeeting: string,
): string =>
  `${mentionUser(userId)} moved #${from.number} from ${fromMeeting} to ${toMeeting} (now #${to.number}): ${topicMrkdwn(to)}`;

export const coveredText = (item: Item, meeting: string): string =>
  `:white_check_mark: Marked #${item.number} of ${meeting} covered: ${topicMrkdwn(item)}`;

export interface AgendaListInput {
  readonly groupName: string;
  readonly meetingTitle: string;
  /** `Thu 26 Nov`. */
  readonly meeting: string;
  /** In the order of discussion. */
  readonly items: readonly Item[];
  /** The groups file's standing items: they head every agenda, unnumbered. */
  readonly standing?: readonly string[];
  /** The meeting's length, for the timeboxes' total. */
  readonly meetingMinutes?: number;
  /** Names the meeting an item rolled over from. */
  readonly labelOf: (startsAt: string) => string;
}

/** At most this many items are listed; the rest are counted. */
const MAX_LISTED = 50;

export function agendaListText(input: AgendaListInput): string {
  const header = `*Agenda of ${input.meeting}* — ${escapePlain(input.groupName)}: ${escapePlain(input.meetingTitle)}`;
  const standing = (input.standing ?? []).map(standingLine);
  if (input.items.length === 0) {
    return [
      header,
      ...standing,
      'No agenda items yet. Add one with `/agenda add <topic>`, or `/agenda` for the form.',
    ].join('\n');
  }
  const lines = input.items.slice(0, MAX_LISTED).map((item) => itemLine(item, input.labelOf));
  if (input.items.length > MAX_LISTED) lines.push(`…and ${input.items.length - MAX_LISTED} more.`);
  const total = totalLine(input);
  return [header, ...standing, ...lines, ...(total ? [total] : [])].join('\n');
}

/** A standing item as lists and reminders show it: unnumbered, first. */
export const standingLine = (title: string): string => `• ${escapeMrkdwn(title)} _(standing)_`;

/** `_Agenda: 75 min for a 60 min meeting_`, once any item has a timebox. */
export function totalLine(input: Pick<AgendaListInput, 'items' | 'meetingMinutes'>): string | undefined {
  if (input.meetingMinutes === undefined) return undefined;
  const total = timeboxTotal(input.items, input.meetingMinutes);
  return total ? `_${total}_` : undefined;
}

/** `3. Topic — <@U…>` with its state and where it came from; details on a second line. */
export function itemLine(item: Item, labelOf: (startsAt: string) => string): string {
  const topic = topicMrkdwn(item);
  const notes = [
    item.status === 'covered' ? 'covered' : undefined,
    item.status === 'dropped' ? 'dropped' : undefined,
    item.rolledFrom ? `carried over from ${labelOf(item.rolledFrom)}` : undefined,
  ].filter(Boolean);
  const mark = item.status === 'covered' ? ':white_check_mark: ' : '';
  const line = `${item.number}. ${mark}${topic}${timeboxSuffix(item.timeboxMinutes)} — ${authorMrkdwn(item)}${notes.length > 0 ? ` _(${notes.join(', ')})_` : ''}`;
  return item.details ? `${line}\n${quoted(clipCharacters(item.details, 200))}` : line;
}

/** The command's help, saying first which word was not understood (`what`: "an agenda command"). */
export function helpText(usage: string, unknown: string | undefined, what = 'an agenda command'): string {
  return unknown ? `\`${escapePlain(unknown.replace(/`/g, "'"))}\` is not ${what}.\n${usage}` : usage;
}

/** Slack's block quote, line by line, with the user's text escaped. */
const quoted = (s: string) =>
  escapeMrkdwn(s)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');

/** `<@U…> reordered the agenda of Thu 26 Nov:` and the items still to discuss in their new order. */
export function reorderedText(
  userId: string,
  meeting: string,
  items: readonly (Pick<AgendaItem, 'number' | 'topic'> & Pick<ShownItem, 'github' | 'timeboxMinutes'>)[],
  what?: string,
): string {
  const head = `${mentionUser(userId)} ${what ?? 'reordered the agenda'} of ${meeting}:`;
  const lines = items
    .slice(0, MAX_LISTED)
    .map((i) => `${i.number}. ${topicMrkdwn(i)}${timeboxSuffix(i.timeboxMinutes)}`);
  if (items.length > MAX_LISTED) lines.push(`…and ${items.length - MAX_LISTED} more.`);
  return [head, ...lines].join('\n');
}
