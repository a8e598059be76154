import { GavelError } from '../errors.js';
import type { LocalDate, SlackUserId } from '../ids.js';
import type { Occurrence } from '../model/occurrence.js';
import { escapePlain, mentionUser } from '../mrkdwn.js';
import { slackDate, zonedLabel } from '../slackDate.js';
import { shortDay } from './cancelledNotice.js';

/** What `/meeting cancel` and `/meeting restore` found or did. */
export type CancellationResult =
  | { readonly kind: 'unchanged'; readonly date: LocalDate }
  /** The groups file cancels it: neither cancel nor restore in Slack changes that. */
  | { readonly kind: 'cancelledInFile'; readonly date: LocalDate; readonly reason?: string | undefined }
  | {
      readonly kind: 'changed';
      readonly occurrence: Occurrence;
      /** Restored over a rule of the groups file (a break, a public holiday), with its reason. */
      readonly overRule?: { readonly reason: string | undefined };
    };

/** The sentence for a cancellation: ephemeral when nothing changed, else for the channel. */
export function cancellationReply(
  result: CancellationResult,
  cancel: boolean,
  by: SlackUserId,
  timeZone: string,
): { readonly inChannel: boolean; readonly text: string } {
  if (result.kind === 'cancelledInFile') {
    return { inChannel: false, text: cancelledInFileText(result.date, cancel, result.reason) };
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
  const { occurrence, overRule } = result;
  const when = slackDate(new Date(occurrence.startsAt), timeZone);
  const title = escapePlain(occurrence.title);
  if (cancel) {
    return {
      inChannel: true,
      text: `:no_entry_sign: *${title}* on ${when} is cancelled (by ${mentionUser(by)}). No reminders will be posted for it.`,
    };
  }
  const over = overRule
    ? ` The groups file skips that day${overRule.reason === undefined ? '' : ` (${escapePlain(overRule.reason)})`}; this meeting goes ahead all the same, reminders and all.`
    : '';
  return {
    inChannel: true,
    text: `:white_check_mark: *${title}* on ${when} is back on (restored by ${mentionUser(by)}).${over}`,
  };
}

/**
 * A date the groups file names under `cancelled:` (or a meeting gone from it): the file
 * decides, so Slack neither restores nor re-cancels it. A break's or a holiday's meeting can
 * be restored: the file has no way to except one date from them.
 */
export const cancelledInFileText = (date: LocalDate, cancel: boolean, reason?: string): string => {
  const why = reason === undefined ? '' : ` (${escapePlain(reason)})`;
  return cancel
    ? `The meeting of ${date} is already cancelled in the groups file${why}.`
    : `${date} is cancelled by name in the groups file${why}; a lead removes it from \`cancelled:\` there. (A meeting a break or a public holiday cancels can be restored here.)`;
};

/** The channel's notice of a one-off meeting added with `/meeting add`. */
export const addedReply = (added: Occurrence, by: SlackUserId, timeZone: string): string => {
  const startsAt = new Date(added.startsAt);
  return `:spiral_calendar_pad: ${mentionUser(by)} added *${escapePlain(added.title)}* on ${slackDate(startsAt, timeZone)} (${zonedLabel(startsAt, timeZone)}).`;
};

/** A meeting the groups file cancels that `/meeting next` skips, with the file's reason. */
export interface SkippedMeeting {
  readonly startsAt: Date;
  readonly reason?: string | undefined;
}

/**
 * `/meeting next`: the next meeting in the group's zone, and in the asker's when it differs;
 * first the meetings the groups file cancels before it, with their reasons ("No meeting on
 * Thu 24 Dec (Christmas Eve); the next is Thu 7 Jan:"), a run of one break's as one range.
 */
export function nextMeetingReply(
  group: { readonly name: string; readonly timeZone: string },
  next: Occurrence | undefined,
  userZone: string | undefined,
  skipped: readonly SkippedMeeting[] = [],
): string {
  const skips = skippedText(skipped, group.timeZone);
  if (!next) {
    const none = `No ${escapePlain(group.name)} meeting is scheduled in the coming weeks.`;
    return skips ? `${skips}; none is scheduled after it in the coming weeks.` : none;
  }
  const head = skips ? `${skips}; the next is ${shortDay(new Date(next.startsAt), group.timeZone)}:\n` : '';
  return head + nextMeetingText(group, next, userZone);
}

/** "No meeting on Thu 24 Dec (Christmas Eve), from Thu 2 Jul to Thu 13 Aug (Summer break)". */
function skippedText(skipped: readonly SkippedMeeting[], zone: string): string {
  if (skipped.length === 0) return '';
  const runs: SkippedMeeting[][] = [];
  for (const s of skipped) {
    const run = runs[runs.length - 1];
    if (run && run[0]!.reason === s.reason) run.push(s);
    else runs.push([s]);
  }
  const parts = runs.map((run) => {
    const why = run[0]!.reason === undefined ? '' : ` (${escapePlain(run[0]!.reason)})`;
    const first = shortDay(run[0]!.startsAt, zone);
    return run.length === 1
      ? `on ${first}${why}`
      : `from ${first} to ${shortDay(run[run.length - 1]!.startsAt, zone)}${why}`;
  });
  return `No meeting ${parts.join(', ')}`;
}

function nextMeetingText(
  group: { readonly name: string; readonly timeZone: string },
  next: Occurrence,
  userZone: string | undefined,
): string {
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
