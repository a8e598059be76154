import type { KnownBlock } from '@slack/types';
import { TOPIC_MAX } from '../agenda/agendaCommand.js';
import { formatDurationMinutes } from '../duration.js';
import { escapePlain } from '../mrkdwn.js';
import { slackDate } from '../slackDate.js';
import { type ShownItem, topicMrkdwn } from '../agenda/agendaItemText.js';
import { clipText, clipToLength, fitSection, slackLink } from './wrapUpMessage.js';

/** Block action ids of the meeting-start post. */
export const MEETING_START_ACTIONS = {
  /** "I'm here": its value is the meeting's key. */
  checkIn: 'meeting.check_in',
} as const;

export interface MeetingStartInput {
  readonly groupName: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly timeZone: string;
  readonly joinUrl: string | null;
  readonly dialIn: string | null;
  readonly minutesUrl: string | null;
  /** The open agenda items, by number. */
  readonly agenda: readonly ({ readonly number: number } & Pick<ShownItem, 'topic' | 'github'>)[];
  /** The button's value: which meeting a check-in belongs to. */
  readonly meetingKey: string;
}

export const NO_AGENDA = 'No agenda items yet.';

export const CHECK_IN_HINT =
  "Press *I'm here* to be counted present, or `/meeting here`. Decisions, the recording and the wrap-up follow in this thread.";

const HEADER_MAX = 150;

/**
 * The post at a meeting's start: where to join, the agenda, and the "I'm here" button that
 * records attendance. Its thread collects the meeting's record. Pure; topics are user text
 * and escaped, so none can ping the channel.
 */
export function meetingStartMessage(input: MeetingStartInput): { text: string; blocks: KnownBlock[] } {
  const minutes = Math.round((input.endsAt.getTime() - input.startsAt.getTime()) / 60_000);
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clipToLength(`${input.groupName}: ${input.title}`, HEADER_MAX) },
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `:calendar: *Starting now:* ${slackDate(input.startsAt, input.timeZone)} (${formatDurationMinutes(minutes)})`,
      },
    },
  ];
  const links = linksText(input);
  if (links !== '') blocks.push({ type: 'section', text: { type: 'mrkdwn', text: links } });
  blocks.push(
    { type: 'section', text: { type: 'mrkdwn', text: agendaText(input.agenda) } },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: MEETING_START_ACTIONS.checkIn,
          text: { type: 'plain_text', text: "I'm here" },
          style: 'primary',
          value: input.meetingKey,
        },
      ],
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: CHECK_IN_HINT }] },
  );
  return { text: `${escapePlain(input.groupName)}: ${escapePlain(input.title)} is starting`, blocks };
}

function linksText(input: MeetingStartInput): string {
  return [
    input.joinUrl ? `:link: ${slackLink(input.joinUrl, 'Join the meeting')}` : undefined,
    input.dialIn ? `:telephone_receiver: ${escapePlain(input.dialIn)}` : undefined,
    input.minutesUrl ? `:memo: ${slackLink(input.minutesUrl, 'Minutes')}` : undefined,
  ]
    .filter((s) => s !== undefined)
    .join('\n');
}

/** Numbered topics, as many as fit one section; a topic is never longer than gavel accepts. */
function agendaText(agenda: MeetingStartInput['agenda']): string {
  if (agenda.length === 0) return `*Agenda*\n${NO_AGENDA}`;
  return fitSection(
    '*Agenda*',
    agenda.map(
      (a) =>
        `${a.number}. ${topicMrkdwn({ topic: clipText(a.topic.replace(/\s*\n\s*/g, ' '), TOPIC_MAX), github: a.github })}`,
    ),
  );
}
