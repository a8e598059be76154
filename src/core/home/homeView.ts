import type { HomeView, KnownBlock } from '@slack/types';
import type { ActionItem } from '../../core/model/actionItem.js';
import type { LocalDate } from '../ids.js';
import { escapeMrkdwn, escapePlain } from '../mrkdwn.js';
import { slackDate } from '../slackDate.js';
import { dueLabel } from '../todo/localDates.js';

export interface HomeMeeting {
  readonly groupName: string;
  /** `<#C…>` or `#name`: how the group's channel is shown. */
  readonly channelLabel: string;
  readonly timeZone: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly minutesUrl: string | null;
  /** The recording of the group's last meeting, when one was given. */
  readonly lastRecordingUrl?: string | null;
}

export interface HomeItem {
  readonly groupName: string;
  readonly item: ActionItem;
  /** Today in the item's group zone, for "overdue" and "due today". */
  readonly today: LocalDate;
}

export interface HomeInput {
  /** The next meeting of each group, soonest first. */
  readonly meetings: readonly HomeMeeting[];
  /** The viewer's open action items. */
  readonly items: readonly HomeItem[];
}

/** Slack allows 100 blocks in a Home tab; these bounds keep well under it. */
export const HOME_LIMITS = { meetings: 20, items: 30 } as const;

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

/** The Home tab: the viewer's open action items first (what they owe), then the next meetings. */
export function homeView(input: HomeInput): HomeView {
  return {
    type: 'home',
    blocks: [...itemBlocks(input.items), { type: 'divider' }, ...meetingBlocks(input.meetings)],
  };
}

function itemBlocks(items: readonly HomeItem[]): KnownBlock[] {
  const header: KnownBlock = { type: 'header', text: { type: 'plain_text', text: 'Your open action items' } };
  if (items.length === 0) {
    return [
      header,
      context('Nothing open. Record one in a group’s channel with `/todo @someone what by when`.'),
    ];
  }
  const shown = items.slice(0, HOME_LIMITS.items).map(({ groupName, item, today }) => {
    const due = item.dueDate ? ` — due ${dueLabel(item.dueDate, today)}` : '';
    const issue = item.githubIssue ? ` · <${item.githubIssue.url}|issue #${item.githubIssue.number}>` : '';
    return section(`*#${item.number}* ${escapeMrkdwn(item.text)}${due}\n_${escapePlain(groupName)}_${issue}`);
  });
  const more = items.length - shown.length;
  return [
    header,
    ...shown,
    ...(more > 0 ? [context(`…and ${more} more: \`/todo list mine\` in each group’s channel.`)] : []),
  ];
}

function meetingBlocks(meetings: readonly HomeMeeting[]): KnownBlock[] {
  const header: KnownBlock = { type: 'header', text: { type: 'plain_text', text: 'Next meetings' } };
  if (meetings.length === 0) return [header, context('No meetings are planned.')];
  return [
    header,
    ...meetings.slice(0, HOME_LIMITS.meetings).map((m) => {
      const minutes = m.minutesUrl ? ` · <${m.minutesUrl}|Minutes>` : '';
      const recording = m.lastRecordingUrl ? ` · <${m.lastRecordingUrl}|Last meeting’s recording>` : '';
      return section(
        `*${escapePlain(m.groupName)}*: ${escapePlain(m.title)}\n${slackDate(m.startsAt, m.timeZone)} in ${m.channelLabel}${minutes}${recording}`,
      );
    }),
  ];
}
