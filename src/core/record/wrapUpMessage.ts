import type { KnownBlock } from '@slack/types';
import { topicMrkdwn } from '../agenda/agendaItemText.js';
import { clipCharacters } from '../agenda/characters.js';
import type { LocalDate } from '../ids.js';
import type { IssueReference } from '../model/meetingRecord.js';
import { escapeMrkdwn, escapePlain, mentionUser } from '../mrkdwn.js';
import { formatZoned } from '../zonedFormat.js';
import { formatReference, referenceUrl } from './issueReference.js';
import type { ActionItemLine, AgendaLine, AttendeeLine, DecisionLine } from './meetingOutcomeLines.js';
import { longDateOf } from './longDate.js';

export interface WrapUpInput {
  readonly groupName: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly timeZone: string;
  readonly attendees: readonly AttendeeLine[];
  readonly decisions: readonly DecisionLine[];
  readonly actionItems: readonly ActionItemLine[];
  readonly covered: readonly AgendaLine[];
  readonly rolledOver: readonly AgendaLine[];
  readonly minutesUrl: string | null;
  readonly recordingUrl: string | null;
}

/** Slack refuses a section whose text is longer (`invalid_blocks`). */
export const SECTION_TEXT_MAX = 3000;

/**
 * What each list of the wrap-up may take, in characters of mrkdwn. Besides the documented
 * per-section and 50-block limits, `chat.postMessage` refuses blocks whose texts add up to
 * about 12,000–13,000 characters (`msg_blocks_too_long`, undocumented: slackapi/bolt-js
 * #2509, #2867). One section per list within these budgets keeps the whole wrap-up under
 * 10,000 characters and 10 blocks, whatever the input; the minutes doc keeps everything.
 */
const BUDGET = {
  attendees: 1500,
  decisions: 3000,
  actionItems: 3000,
  covered: 1000,
  rolledOver: 1000,
} as const;

/** A wrap-up line repeats at most this much of what a user typed; the doc has the rest. */
const ITEM_CHARACTERS = 300;

const HEADER_MAX = 150;

/**
 * The wrap-up of a meeting, posted in its thread and updated in place as decisions, action
 * items and the recording arrive. Pure. Every text a user typed (names, decisions, items,
 * topics) is escaped: `<!channel>` or `<@U…>` in it never pings; only the action items'
 * owners, which gavel itself mentions, are live. A `*` or `_` a user typed stays theirs:
 * gavel never puts user text inside its own formatting marks, and each item is a line of its
 * own, so it cannot reach gavel's bold headings.
 */
export function wrapUpMessage(input: WrapUpInput): { text: string; blocks: KnownBlock[] } {
  const date = longDateOf(input.startsAt, input.timeZone);
  const sections = [
    attendedText(input.attendees),
    decisionsText(input.decisions),
    actionItemsText(input.actionItems, input.startsAt, input.timeZone),
    agendaText('Agenda covered', input.covered, BUDGET.covered),
    input.rolledOver.length > 0
      ? agendaText('Rolled over to the next meeting', input.rolledOver, BUDGET.rolledOver)
      : undefined,
    linksText(input.minutesUrl, input.recordingUrl),
  ].filter((s) => s !== undefined);
  const blocks: KnownBlock[] = [
    // A header is plain text: nothing in the title can format or mention.
    {
      type: 'header',
      text: { type: 'plain_text', text: clipToLength(`Wrap-up: ${input.title}, ${date}`, HEADER_MAX) },
    },
    ...sections.map((text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } })),
  ];
  return { text: summary(input, date), blocks };
}

/** The notification: what the meeting was and how much it produced. */
function summary(input: WrapUpInput, date: string): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${escapePlain(input.groupName)}: wrap-up of ${escapePlain(input.title)}, ${date} — ${[
    count(input.attendees.length, 'attendee', 'attendees'),
    count(input.decisions.length, 'decision', 'decisions'),
    count(input.actionItems.length, 'action item', 'action items'),
  ].join(', ')}`;
}

function attendedText(attendees: WrapUpInput['attendees']): string {
  const heading = `*Attended (${attendees.length})*`;
  if (attendees.length === 0) return `${heading}\nNobody checked in.`;
  const names = attendees.map(
    (a) => `${escapePlain(a.name)} (${a.organization ? escapePlain(a.organization) : 'no organisation'})`,
  );
  return fitSection(heading, names, BUDGET.attendees, ', ');
}

/** `#3 Adopt v1.0 — <…|cloudevents/spec#1223>`. */
function decisionsText(decisions: WrapUpInput['decisions']): string {
  if (decisions.length === 0) return '*Decisions*\nNone recorded.';
  const lines = decisions.map((d) =>
    [`#${d.number} ${userText(d.text)}`, d.reference ? referenceLink(d.reference) : undefined]
      .filter((s) => s !== undefined)
      .join(' — '),
  );
  return fitSection('*Decisions*', lines, BUDGET.decisions);
}

/** `#12 Write the post — <@U1> — due 7 Dec — <…|issue #40>`. */
function actionItemsText(items: WrapUpInput['actionItems'], startsAt: Date, timeZone: string): string {
  if (items.length === 0) return '*Action items*\nNone.';
  const year = formatZoned(startsAt, timeZone, 'yyyy');
  const lines = items.map((item) =>
    [
      `#${item.number} ${userText(item.text)}`,
      item.owners.length > 0 ? item.owners.map(mentionUser).join(', ') : 'unassigned',
      item.dueDate ? `due ${dueDay(item.dueDate, year)}` : undefined,
      item.issueUrl ? slackLink(item.issueUrl, issueLabel(item.issueUrl)) : undefined,
    ]
      .filter((s) => s !== undefined)
      .join(' — '),
  );
  return fitSection('*Action items*', lines, BUDGET.actionItems);
}

function agendaText(title: string, topics: WrapUpInput['covered'], budget: number): string {
  if (topics.length === 0) return `*${title}*\nNone.`;
  return fitSection(
    `*${title}*`,
    topics.map(
      (t) =>
        `${t.number}. ${t.github ? topicMrkdwn({ topic: clipText(t.topic, ITEM_CHARACTERS), github: t.github }) : userText(t.topic)}`,
    ),
    budget,
  );
}

function linksText(minutesUrl: string | null, recordingUrl: string | null): string {
  return [
    minutesUrl ? `:memo: ${slackLink(minutesUrl, 'Minutes')}` : undefined,
    recordingUrl
      ? `:movie_camera: ${slackLink(recordingUrl, 'Recording')}`
      : ':movie_camera: No recording yet: add it with `/meeting recording &lt;url&gt;`',
  ]
    .filter((s) => s !== undefined)
    .join('\n');
}

/** `7 Dec`, with the year when it is not the meeting's: `5 Jan 2027`. */
function dueDay(date: LocalDate, meetingYear: string): string {
  const day = new Date(`${date}T00:00:00.000Z`);
  return formatZoned(day, 'UTC', date.startsWith(meetingYear) ? 'd MMM' : 'd MMM yyyy');
}

const issueLabel = (url: string): string => {
  const number = /\/(?:issues|pull)\/(\d+)(?:$|[/?#])/.exec(url)?.[1];
  return number ? `issue #${number}` : 'GitHub issue';
};

const referenceLink = (ref: IssueReference): string => slackLink(referenceUrl(ref), formatReference(ref));

/** What a user typed, on one line, clipped, escaped. */
const userText = (text: string): string =>
  escapeMrkdwn(clipText(text.replace(/\s*\n\s*/g, ' '), ITEM_CHARACTERS));

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts to at most `max` UTF-16 code units, ending with `…`, never inside an emoji: for
 * Slack's own limits (a header's 150), counted here the strictest way, since an emoji people
 * count as one character can be up to a dozen code units.
 */
export function clipToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  // The last segment of the cut text may be half a character: it is never kept.
  const whole = Array.from(graphemes.segment(text.slice(0, max)), (g) => g.segment).slice(0, -1);
  let out = '';
  for (const g of whole) {
    if (out.length + g.length > max - 1) break;
    out += g;
  }
  return `${out}…`;
}

/**
 * clipCharacters without its cost where it can be avoided: segmenting graphemes takes about
 * 2 ms for 1,000 characters, and a wrap-up of the largest input has 400 such texts. Text no
 * longer than `max` code units has no more characters; a longer one is segmented only as far
 * as `max` characters can reach in ordinary text, and whole when that prefix falls short.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max * 2);
  const clipped = clipCharacters(head, max);
  return clipped === head ? clipCharacters(text, max) : clipped;
}

/**
 * A link gavel makes to a URL it was given (a doc, an issue, a recording). A URL that would
 * break out of Slack's `<url|label>` (spaces, `<`, `>`, `|`) is shown as escaped text instead.
 */
export function slackLink(url: string, label: string): string {
  if (!/^https?:\/\/[^\s<>|]+$/.test(url)) return escapePlain(url);
  return `<${url.replace(/&/g, '&amp;')}|${escapePlain(label)}>`;
}

/**
 * A section's text: the heading, then as many of `parts` as fit in `budget` characters, in
 * order, and `… and N more` for the rest. Room for that last line is kept while adding, so
 * the result never exceeds the budget (for any heading shorter than the budget by ~20).
 */
export function fitSection(
  heading: string,
  parts: readonly string[],
  budget: number = SECTION_TEXT_MAX,
  separator = '\n',
): string {
  const reserve = separator.length + moreText(parts.length).length;
  const kept: string[] = [];
  let length = heading.length + 1;
  for (const [i, part] of parts.entries()) {
    const added = (kept.length > 0 ? separator.length : 0) + part.length;
    const isLast = i === parts.length - 1;
    if (length + added + (isLast ? 0 : reserve) > budget) {
      kept.push(moreText(parts.length - i));
      break;
    }
    kept.push(part);
    length += added;
  }
  return `${heading}\n${kept.join(separator)}`;
}

const moreText = (n: number) => `… and ${n} more`;
