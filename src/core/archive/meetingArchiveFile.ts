import type { LocalDate } from '../ids.js';
import type { IssueReference } from '../model/meetingRecord.js';
import type {
  ActionItemLine,
  AgendaLine,
  AttendeeLine,
  DecisionLine,
} from '../record/meetingOutcomeLines.js';
import { formatReference, referenceUrl } from '../record/issueReference.js';
import { zonedTime } from '../slackDate.js';
import { formatZoned } from '../zonedFormat.js';
import { blockText, boundBlock, inlineText, linkUrl, yamlString } from './markdownSafety.js';

/** Everything a meeting's published file holds: the minutes as written, then gavel's record. */
export interface MeetingArchiveInput {
  readonly groupId: string;
  readonly groupName: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly durationMinutes: number;
  readonly timeZone: string;
  readonly localDate: LocalDate;
  readonly minutesUrl: string | null;
  readonly recordingUrl: string | null;
  /**
   * The minutes doc as Markdown (in running-doc mode, this meeting's section only); `absent`
   * without Google or a doc, `unreadable` when the doc could not be exported.
   */
  readonly minutes:
    | { readonly kind: 'markdown'; readonly text: string }
    | { readonly kind: 'absent' }
    | { readonly kind: 'unreadable'; readonly why: string };
  readonly attendees: readonly Pick<AttendeeLine, 'name' | 'organization'>[];
  readonly covered: readonly AgendaLine[];
  readonly rolledOver: readonly AgendaLine[];
  readonly decisions: readonly DecisionLine[];
  /** Owners by name: a file has no one to mention. */
  readonly actionItems: readonly ActionItemLine<string>[];
  /** The decisions index, as a link relative to this file. */
  readonly decisionsLink: string;
}

/**
 * How much of the minutes doc a file takes. A year of a running doc's sections is far less;
 * a doc pasted full of logs is not, and GitHub stops rendering files of about 1 MB.
 */
export const MAX_MINUTES_CHARACTERS = 200_000;

/**
 * The meeting's file: YAML front matter a site generator can read, the minutes as the doc has
 * them, and the record gavel kept (who came, the agenda, decisions, action items). Pure, and
 * the same input always gives the same text, so publishing again changes nothing in git.
 */
export function meetingArchiveFile(m: MeetingArchiveInput): string {
  return [
    frontMatter(m),
    `# ${inlineText(`${m.groupName}: ${m.title}`)}, ${formatZoned(m.startsAt, m.timeZone, 'EEEE d MMMM yyyy')}`,
    '',
    `${zonedTime(m.startsAt, m.timeZone)}${m.timeZone === 'UTC' ? '' : ` (${formatZoned(m.startsAt, 'UTC', 'HH:mm')} UTC)`}, ${m.durationMinutes} minutes.${linksLine(m)}`,
    '',
    ...minutesSection(m),
    ...listSection(
      'Attendees',
      m.attendees.map((a) => inlineText(a.organization ? `${a.name} (${a.organization})` : a.name)),
      'Nobody checked in.',
    ),
    ...agendaSection(m),
    ...listSection(
      'Decisions',
      m.decisions.map((d) => `**#${d.number}** ${inlineText(d.text)}${referenceSuffix(d.reference)}`),
      'No decision was recorded.',
    ),
    ...listSection(
      'Action items',
      m.actionItems.map((i) => actionItemLine(i)),
      'No action item was recorded.',
    ),
    `All decisions of the group: [the decisions index](${m.decisionsLink}). Published by gavel from the meeting’s record.`,
    '',
  ].join('\n');
}

function frontMatter(m: MeetingArchiveInput): string {
  const fields: [string, string | number | null][] = [
    ['group', m.groupId],
    ['group_name', m.groupName],
    ['title', m.title],
    ['date', m.localDate],
    ['start', m.startsAt.toISOString()],
    ['start_local', `${formatZoned(m.startsAt, m.timeZone, "yyyy-MM-dd'T'HH:mm")} ${m.timeZone}`],
    ['timezone', m.timeZone],
    ['duration_minutes', m.durationMinutes],
    ['minutes_doc', m.minutesUrl],
    ['recording', m.recordingUrl],
  ];
  const lines = fields.map(([k, v]) =>
    v === null ? `${k}: null` : typeof v === 'number' ? `${k}: ${v}` : `${k}: ${yamlString(v)}`,
  );
  return ['---', ...lines, '---', ''].join('\n');
}

function linksLine(m: MeetingArchiveInput): string {
  const links = [
    m.minutesUrl ? `[Minutes doc](${linkUrl(m.minutesUrl)})` : undefined,
    m.recordingUrl ? `[Recording](${linkUrl(m.recordingUrl)})` : undefined,
  ].filter((l) => l !== undefined);
  return links.length > 0 ? ` ${links.join(' · ')}` : '';
}

function minutesSection(m: MeetingArchiveInput): string[] {
  if (m.minutes.kind === 'absent') return [];
  if (m.minutes.kind === 'unreadable') {
    return ['## Minutes', '', `*The minutes doc could not be read (${inlineText(m.minutes.why)}).*`, ''];
  }
  const where = m.minutesUrl ? `[the minutes doc](${linkUrl(m.minutesUrl)})` : 'the minutes doc';
  const { text } = boundBlock(
    blockText(m.minutes.text).trim(),
    MAX_MINUTES_CHARACTERS,
    `*The minutes were cut here, at ${MAX_MINUTES_CHARACTERS.toLocaleString('en-US')} characters: the rest is in ${where}.*`,
  );
  return ['## Minutes', '', text.length > 0 ? text : '*The minutes doc is empty.*', ''];
}

function agendaSection(m: MeetingArchiveInput): string[] {
  const line = (a: AgendaLine) => `#${a.number} ${inlineText(a.topic)}`;
  if (m.covered.length === 0 && m.rolledOver.length === 0)
    return ['## Agenda', '', 'The agenda was empty.', ''];
  return [
    '## Agenda',
    '',
    ...(m.covered.length > 0 ? ['Covered:', '', ...m.covered.map((a) => `- ${line(a)}`), ''] : []),
    ...(m.rolledOver.length > 0
      ? ['Rolled over to the next meeting:', '', ...m.rolledOver.map((a) => `- ${line(a)}`), '']
      : []),
  ];
}

function listSection(heading: string, lines: readonly string[], none: string): string[] {
  return [`## ${heading}`, '', ...(lines.length > 0 ? lines.map((l) => `- ${l}`) : [none]), ''];
}

const referenceSuffix = (ref: IssueReference | null): string =>
  ref ? ` ([${formatReference(ref)}](${referenceUrl(ref)}))` : '';

function actionItemLine(i: MeetingArchiveInput['actionItems'][number]): string {
  const owners = i.owners.length > 0 ? ` — ${i.owners.map(inlineText).join(', ')}` : '';
  const due = i.dueDate ? `, due ${i.dueDate}` : '';
  const issue = i.issueUrl ? ` ([issue](${linkUrl(i.issueUrl)}))` : '';
  return `#${i.number} ${inlineText(i.text)}${owners}${due}${issue}`;
}
