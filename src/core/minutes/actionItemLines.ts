import { personLabel } from './minutesMeeting.js';
import { slackToPlain } from './slackToPlain.js';

export interface MinutesActionItem {
  readonly text: string;
  readonly owners: readonly string[];
  /** `YYYY-MM-DD`, or null when no date was given. */
  readonly dueDate: string | null;
}

export const NO_OWNER = 'unassigned';
export const NO_DUE_DATE = 'no date';

/** One action item as the doc's list shows it: What — Who — When. */
export function actionItemLine(item: MinutesActionItem, names: Readonly<Record<string, string>>): string {
  const who = item.owners.length > 0 ? item.owners.map((o) => personLabel(o, names)).join(', ') : NO_OWNER;
  return `${slackToPlain(item.text, names)} — ${who} — ${item.dueDate ?? NO_DUE_DATE}`;
}

/** The items in the order they were recorded, one line each. */
export const actionItemLines = (
  items: readonly MinutesActionItem[],
  names: Readonly<Record<string, string>>,
): string[] => items.map((i) => actionItemLine(i, names));
