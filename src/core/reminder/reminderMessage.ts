import type { KnownBlock } from '@slack/types';
import { type AgendaCountLine, countMrkdwn } from '../agenda/agendaCounts.js';
import { timeboxSuffix, timeboxTotal } from '../agenda/timebox.js';
import { formatDurationMinutes } from '../duration.js';
import { escapeMrkdwn, escapePlain } from '../mrkdwn.js';
import { slackDate, zonedLabel } from '../slackDate.js';
import { authorMrkdwn, type ShownItem, topicMrkdwn } from '../agenda/agendaItemText.js';

export const REMINDER_ACTIONS = {
  addAgendaItem: 'reminder.add_agenda_item',
} as const;

export interface ReminderInput {
  readonly groupName: string;
  readonly timeZone: string;
  readonly meeting: {
    readonly title: string;
    readonly startsAt: Date;
    readonly endsAt: Date;
    readonly joinUrl: string | undefined | null;
    readonly dialIn: string | undefined | null;
    readonly minutesUrl: string | undefined | null;
  };
  /** The open items, in the order of discussion. */
  readonly agenda: readonly ({ readonly number: number } & ShownItem)[];
  /** The group's standing items: they head the agenda, unnumbered. */
  readonly standing?: readonly string[];
  /** The group's GitHub counts, as last refreshed. */
  readonly counts?: readonly AgendaCountLine[];
  /** Open action items due before this meeting (from /todo). */
  readonly actionItemsDue?: readonly {
    readonly number: number;
    readonly text: string;
    readonly owners: readonly string[];
  }[];
  /** Whether minutes are configured for the group: if not, the reminder says nothing of them. */
  readonly minutesEnabled: boolean;
  /** The button's value: which meeting an added item belongs to. */
  readonly meetingKey: string;
  /** A clock change shifts this meeting for part of the audience: one line says so (dstReminderLine). */
  readonly dstLine?: string;
}

const MAX_AGENDA_LINES = 25;

/** A meeting reminder: Block Kit for clients, plain text for notifications. Pure. */
export function reminderMessage(input: ReminderInput): { text: string; blocks: KnownBlock[] } {
  const { meeting, timeZone } = input;
  const minutes = Math.round((meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000);
  const title = `${escapePlain(input.groupName)}: ${escapePlain(meeting.title)}`;
  const when = `${slackDate(meeting.startsAt, timeZone)} (${formatDurationMinutes(minutes)}) · ${zonedLabel(meeting.startsAt, timeZone)}`;
  const join = [
    meeting.joinUrl ? `:link: <${meeting.joinUrl}|Join the meeting>` : undefined,
    meeting.dialIn ? `:telephone_receiver: ${escapePlain(meeting.dialIn)}` : undefined,
    input.minutesEnabled && meeting.minutesUrl ? `:memo: <${meeting.minutesUrl}|Minutes>` : undefined,
  ].filter(Boolean);

  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(`${input.groupName}: ${meeting.title}`, 150) },
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `:calendar: *${when}*${input.dstLine ? `\n${input.dstLine}` : ''}` },
    },
  ];
  if (join.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: join.join('\n') } });
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: agendaText(input, minutes) } });
  const due = input.actionItemsDue ?? [];
  if (due.length > 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Open action items due*\n${due
          .slice(0, MAX_AGENDA_LINES)
          .map((a) => `#${a.number} ${escapeMrkdwn(a.text)} — ${a.owners.map((o) => `<@${o}>`).join(', ')}`)
          .join('\n')}`,
      },
    });
  }
  blocks.push({
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: REMINDER_ACTIONS.addAgendaItem,
        text: { type: 'plain_text', text: 'Add agenda item' },
        value: input.meetingKey,
      },
    ],
  });
  const text = `Reminder: ${title}, ${zonedLabel(meeting.startsAt, timeZone)}${
    input.agenda.length > 0
      ? ` — ${input.agenda.length} agenda item${input.agenda.length === 1 ? '' : 's'}`
      : ''
  }`;
  return { text, blocks };
}

function agendaText(input: ReminderInput, meetingMinutes: number): string {
  const { agenda } = input;
  const head = [
    ...(input.standing ?? []).map((s) => `• ${escapeMrkdwn(s)}`),
    ...(input.counts ?? []).map(countMrkdwn),
  ];
  if (agenda.length === 0) {
    return truncate(
      ['*Agenda*', ...head, 'No agenda items yet — add one with `/agenda add`'].join('\n'),
      3000,
    );
  }
  const lines = agenda
    .slice(0, MAX_AGENDA_LINES)
    .map((a) => `${a.number}. ${topicMrkdwn(a)}${timeboxSuffix(a.timeboxMinutes)} _(${authorMrkdwn(a)})_`);
  if (agenda.length > MAX_AGENDA_LINES)
    lines.push(`…and ${agenda.length - MAX_AGENDA_LINES} more: \`/agenda list\``);
  const total = timeboxTotal(agenda, meetingMinutes);
  // The total goes before the items: a section's text is capped at 3000 characters by Slack,
  // and a long agenda is cut at its end.
  return truncate(['*Agenda*', ...head, ...(total ? [`_${total}_`] : []), ...lines].join('\n'), 3000);
}

const truncate = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
