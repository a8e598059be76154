import { GavelError } from '../errors.js';
import type { LocalDate, SlackUserId } from '../ids.js';
import type { Occurrence } from '../model/occurrence.js';
import { escapePlain, mentionUser } from '../mrkdwn.js';
import { slackDate, zonedLabel } from '../slackDate.js';

/** What `/meeting cancel` and `/meeting restore` found or did. */
export type CancellationResult =
  | { readonly kind: 'unchanged'; readonly date: LocalDate }
  /** The groups file cancels it: neither cancel nor restore in Slack changes that. */
  | { readonly kind: 'cancelledInFile'; readonly date: LocalDate }
  | { readonly kind: 'changed'; readonly occurrence: Occurrence };

/** The sentence for a cancellation: ephemeral when nothing changed, else for the channel. */
export function cancellationReply(
  result: CancellationResult,
  cancel: boolean,
  by: SlackUserId,
  timeZone: string,
): { readonly inChannel: boolean; readonly text: string } {
  if (result.kind === 'cancelledInFile') {
    return { inChannel: false, text: cancelledInFileText(result.date, cancel) };
  }
  if (result.kind === 'unchanged') {
    const { date } = result;
    return {
      inChannel: false,
      text: cancel
        ? `The meeting of ${date} is already cancelled. \`/meeting restore ${date}\` brings it back.`
        : `The meeting of ${date} is not cancelled.`,
    };
  }
  const { occurrence } = result;
  const when = slackDate(new Date(occurrence.startsAt), timeZone);
  return {
    inChannel: true,
    text: cancel
      ? `:no_entry_sign: *${escapePlain(occurrence.title)}* on ${when} is cancelled (by ${mentionUser(by)}). No reminders will be posted for it.`
      : `:white_check_mark: *${escapePlain(occurrence.title)}* on ${when} is back on (restored by ${mentionUser(by)}).`,
  };
}

/** A date the groups file cancels: the file decides, so Slack neither restores nor re-cancels it. */
export const cancelledInFileText = (date: LocalDate, cancel: boolean): string =>
  cancel
    ? `The meeting of ${date} is already cancelled in the groups file.`
    : `${date} is cancelled in the groups file; a lead changes it there.`;

/** The channel's notice of a one-off meeting added with `/meeting add`. */
export const addedReply = (added: Occurrence, by: SlackUserId, timeZone: string): string => {
  const startsAt = new Date(added.startsAt);
  return `:spiral_calendar_pad: ${mentionUser(by)} added *${escapePlain(added.title)}* on ${slackDate(startsAt, timeZone)} (${zonedLabel(startsAt, timeZone)}).`;
};

/** `/meeting next`: the next meeting in the group's zone, and in the asker's when it differs. */
export function nextMeetingReply(
  group: { readonly name: string; readonly timeZone: string },
  next: Occurrence | undefined,
  userZone: string | undefined,
): string {
  if (!next) return `No ${escapePlain(group.name)} meeting is scheduled in the coming weeks.`;
  const startsAt = new Date(next.startsAt);
  const yours =
    userZone && userZone !== group.timeZone
      ? `\nFor you (${userZone}): ${zonedLabel(startsAt, userZone)}`
      : '';
  const join = next.joinUrl ? `\n:link: <${next.joinUrl}|Join the meeting>` : '';
  const minutes = next.minutes ? `\n:memo: <${next.minutes.url}|Minutes>` : '';
  return (
    `*${escapePlain(group.name)}: ${escapePlain(next.title)}*\n:calendar: ${slackDate(startsAt, group.timeZone)}` +
    `\nGroup time (${group.timeZone}): ${zonedLabel(startsAt, group.timeZone)}${yours}${join}${minutes}`
  );
}

/** A date named in `/meeting cancel|restore` with no upcoming meeting, and which dates have one. */
export function noMeetingOn(
  date: LocalDate,
  upcomingDates: readonly LocalDate[],
  today: LocalDate,
): GavelError {
  if (date < today) {
    return new GavelError(
      'bad_input',
      `${date} is in the past: only upcoming meetings can be cancelled or restored.`,
    );
  }
  const hint =
    upcomingDates.length > 0
      ? `Upcoming meetings: ${upcomingDates.join(', ')}.`
      : 'No meetings are scheduled in the coming weeks.';
  return new GavelError('no_meeting', `No upcoming meeting on ${date}. ${hint}`);
}

/** Only a lead may cancel, restore or add a meeting. */
export function leadsOnly(leads: readonly SlackUserId[], verb: string): GavelError {
  const names = leads.map(mentionUser).join(', ');
  return new GavelError(
    'not_a_lead',
    `Only the group's leads can ${verb} meetings${names ? ` (${names})` : ''}. Ask one of them.`,
  );
}
