import { formatZoned } from '../zonedFormat.js';
import { formatDurationMinutes } from '../duration.js';
import type { MinutesSettings } from '../group.js';
import { escapePlain } from '../mrkdwn.js';
import { slackDate } from '../slackDate.js';
import { minutesDueAt } from './minutesJobPlan.js';

/** What `/meeting notes` does for the current or next meeting. */
export type NotesDecision =
  | { readonly kind: 'off' }
  | { readonly kind: 'link'; readonly url: string }
  /** Enqueue the creation now: its time has come, or a lead asks early. */
  | { readonly kind: 'create-now' }
  /** A member asks before the doc's time: say when it will exist. */
  | { readonly kind: 'later'; readonly at: Date };

export function notesDecision(input: {
  readonly settings: MinutesSettings | undefined;
  readonly minutesUrl: string | null;
  readonly startsAt: Date;
  readonly now: Date;
  readonly isLead: boolean;
}): NotesDecision {
  if (!input.settings) return { kind: 'off' };
  if (input.minutesUrl) return { kind: 'link', url: input.minutesUrl };
  const at = minutesDueAt(input.startsAt, input.settings);
  if (input.isLead || at.getTime() <= input.now.getTime()) return { kind: 'create-now' };
  return { kind: 'later', at };
}

/** The ephemeral answer for a decision about one meeting. */
export function notesAnswer(
  decision: NotesDecision,
  meeting: {
    readonly groupName: string;
    readonly title: string;
    readonly startsAt: Date;
    readonly timeZone: string;
    readonly settings: MinutesSettings | undefined;
  },
): string {
  const which = `*${escapePlain(meeting.title)}* on ${formatZoned(meeting.startsAt, meeting.timeZone, 'EEE d MMM yyyy')}`;
  switch (decision.kind) {
    case 'off':
      return `Minutes are not set up for *${escapePlain(meeting.groupName)}*. An operator can add \`minutes:\` to the group in the groups file (see the README).`;
    case 'link':
      return `:memo: Minutes for ${which}: <${decision.url}|Open the doc>`;
    case 'create-now':
      return `:hourglass_flowing_sand: Creating the minutes for ${which} now. The link will be posted in this channel in a moment.`;
    case 'later': {
      const before = meeting.settings
        ? ` (${formatDurationMinutes(meeting.settings.createBeforeMinutes)} before the meeting)`
        : '';
      return `The minutes doc for ${which} will be created ${slackDate(decision.at, meeting.timeZone)}${before}. A lead can create it earlier with \`/meeting notes\`.`;
    }
  }
}
