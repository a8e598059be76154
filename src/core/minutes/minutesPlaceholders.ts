import { countPlain } from '../agenda/agendaCounts.js';
import { timeboxSuffix, timeboxTotal } from '../agenda/timebox.js';
import type { TemplateFill } from '../ports/minutesDocs.js';
import { longDate, meetingTime, type MinutesMeeting, personLabel } from './minutesMeeting.js';
import { slackToPlain, type UserNames } from './slackToPlain.js';
import { type ShownItem, sourcePlain, topicPlain } from '../agenda/agendaItemText.js';

/** The placeholders a template may contain; README documents them. */
export const PLACEHOLDERS = ['group', 'title', 'date', 'time', 'join_url', 'leads', 'agenda'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const NO_AGENDA = 'No agenda items yet.';
export const NO_JOIN_URL = '(no join link)';

/** The text each placeholder becomes for this meeting. */
export function minutesPlaceholders(m: MinutesMeeting): Record<Placeholder, string> {
  return {
    group: m.groupName,
    title: slackToPlain(m.title, m.names),
    date: longDate(m),
    time: meetingTime(m),
    join_url: m.joinUrl ?? NO_JOIN_URL,
    leads: m.leads.map((l) => personLabel(l, m.names)).join(', '),
    agenda: agendaLines(m).join('\n'),
  };
}

/**
 * The standing items and counts (`• …`), the timeboxes' total as the doc was made, then
 * `1. Discuss CloudEvents 2.0 (Alice)`, one line per open item in the order of discussion.
 * Every line is one minutesAgendaInsert recognises as the agenda's, so later items go after them.
 */
export function agendaLines(m: MinutesMeeting): string[] {
  const head = [...(m.standing ?? []).map((s) => `• ${s}`), ...(m.counts ?? []).map(countPlain)];
  if (m.agenda.length === 0) return [...head, NO_AGENDA];
  const total = m.meetingMinutes === undefined ? undefined : timeboxTotal(m.agenda, m.meetingMinutes);
  return [
    ...head,
    ...(total ? [`• ${total} (when this doc was made)`] : []),
    ...m.agenda.map((a) => agendaLine(a, m.names)),
  ];
}

/** One agenda item as the doc's agenda lists it: its number (what a later write looks for), topic and author. */
export const agendaLine = (a: { readonly number: number } & ShownItem, names: UserNames): string =>
  `${a.number}. ${topicPlain(a, names)}${timeboxSuffix(a.timeboxMinutes)} (${sourcePlain(a, names)})${a.github ? ` ${a.github.url}` : ''}`;

/**
 * Every placeholder as it is written in a template (`{{title}}`) with its text. Filling again
 * is harmless (nothing is left to replace), which is what makes a retried fill safe. The
 * agenda comes last: its topics are typed by anyone, and a topic containing `{{leads}}` must
 * stay as typed.
 */
export function placeholderFills(values: Record<Placeholder, string>): TemplateFill[] {
  return PLACEHOLDERS.map((p) => ({ placeholder: `{{${p}}}`, text: values[p] }));
}
