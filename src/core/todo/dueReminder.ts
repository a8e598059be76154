import type { KnownBlock } from '@slack/types';
import type { ActionItem } from '../model/actionItem.js';
import type { LocalDate, LocalTime } from '../ids.js';
import { escapeMrkdwn, escapePlain } from '../mrkdwn.js';
import { localToInstant } from '../schedule/zonedTime.js';
import { addDays, addYears, dueLabel } from './localDates.js';
import { DUE_HORIZON_YEARS } from './parseWhen.js';

/** Block action ids of the due-date DM. Each button's value is the item's id. */
export const DUE_DM_ACTIONS = {
  done: 'todo.due_done',
  snooze: 'todo.due_snooze',
} as const;

/** The owner's local time on the due date at which the DM arrives: the start of a working day. */
export const DUE_DM_LOCAL_TIME = '09:00' as LocalTime;

/** How far "Snooze a week" moves the due date. */
export const SNOOZE_DAYS = 7;

/**
 * The instant of the morning of `due` in `timeZone` (09:00 local), read with gavel's rule
 * for wall times (localToInstant): a morning that a zone skipped (Samoa skipped 30 December
 * 2011 whole) moves forward by the gap, never back onto the day before the due date.
 */
export const dueMorning = (due: LocalDate, timeZone: string): Date =>
  localToInstant(due, DUE_DM_LOCAL_TIME, timeZone);

/**
 * The first moment any owner can be due a DM: 09:00 of `due` at UTC+14, the earliest zone
 * on Earth. The planning job runs then and schedules each owner's own morning.
 */
export const earliestDueMorning = (due: LocalDate): Date => dueMorning(due, 'Pacific/Kiritimati');

/** The new due date after "Snooze a week": a week from the later of the due date and today. */
export function snoozedDue(due: LocalDate | null, today: LocalDate): LocalDate {
  const from = due && due > today ? due : today;
  const next = addDays(from, SNOOZE_DAYS);
  const horizon = addYears(today, DUE_HORIZON_YEARS);
  return next > horizon ? horizon : next;
}

/** The DM an owner gets on the due date: the item, and "Done" / "Snooze a week". Pure. */
export function dueDmMessage(
  item: ActionItem,
  groupName: string,
  today: LocalDate,
): { text: string; blocks: KnownBlock[] } {
  const due = item.dueDate ? dueLabel(item.dueDate, today) : 'today';
  const overdue = item.dueDate !== null && item.dueDate < today;
  const text = `${overdue ? 'Overdue' : 'Due today'}: action item #${item.number} of ${escapePlain(groupName)} (due ${due}): ${escapeMrkdwn(item.text)}`;
  const link = item.githubIssue ? ` · <${item.githubIssue.url}|GitHub #${item.githubIssue.number}>` : '';
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${text}${link}` } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: DUE_DM_ACTIONS.done,
            style: 'primary',
            text: { type: 'plain_text', text: 'Done' },
            value: String(item.id),
          },
          {
            type: 'button',
            action_id: DUE_DM_ACTIONS.snooze,
            text: { type: 'plain_text', text: 'Snooze a week' },
            value: String(item.id),
          },
        ],
      },
    ],
  };
}
