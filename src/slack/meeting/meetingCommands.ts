import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import { isLead } from '../../core/group.js';
import type { LocalDate, SlackUserId } from '../../core/ids.js';
import { parseMeetingCommand } from '../../core/meeting/meetingCommand.js';
import { escapePlain, mentionUser } from '../../core/mrkdwn.js';
import { localToInstant } from '../../core/schedule/zonedTime.js';
import { occurrenceOn } from '../../core/schedule/occurrences.js';
import { slackDate, zonedLabel } from '../../core/slackDate.js';
import { reminderWithdrawJobSpec } from '../../jobs/reminderWithdrawJob.js';
import type { Services } from '../../services.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { CommandInput } from '../commands/commandListener.js';
import { minutesNotes } from '../../jobs/minutesNotes.js';
import { MEETING_HELP } from '../commands/helpText.js';
import { deferred, ephemeral, inChannel, type Reply } from '../reply.js';

const DAY_MS = 24 * 60 * 60_000;

/** `/meeting next | notes | cancel <date> | restore <date> | add <date> <time> [title]`. */
export function meetingCommand(services: Services): (input: CommandInput) => Promise<Reply> {
  return async ({ text, userId, group }) => {
    const parsed = parseMeetingCommand(text);
    switch (parsed.kind) {
      case 'help':
        return ephemeral(MEETING_HELP);
      case 'invalid':
        return ephemeral(`:warning: ${parsed.message}`);
      case 'next':
        return deferred(() => nextMeeting(services, group, userId));
      case 'notes':
        return ephemeral(await minutesNotes(services, group, userId));
      case 'cancel':
      case 'restore':
        requireLead(group, userId, parsed.kind);
        return setCancelled(services, group, userId, parsed.date, parsed.kind === 'cancel');
      case 'add':
        requireLead(group, userId, 'add');
        return addMeeting(services, group, userId, parsed);
    }
  };
}

function requireLead(group: ResolvedGroup, userId: SlackUserId, verb: string): void {
  if (!isLead(group, userId)) {
    const leads = group.leads.map(mentionUser).join(', ');
    throw new GavelError(
      'not_a_lead',
      `Only the group's leads can ${verb} meetings${leads ? ` (${leads})` : ''}. Ask one of them.`,
    );
  }
}

async function nextMeeting(services: Services, group: ResolvedGroup, userId: SlackUserId): Promise<Reply> {
  const now = services.clock.now();
  const next = await services.occurrences.next(group.id, now);
  if (!next) return ephemeral(`No ${escapePlain(group.name)} meeting is scheduled in the coming weeks.`);
  const startsAt = new Date(next.startsAt);
  const userZone = await userTimeZone(services, userId);
  const yours =
    userZone && userZone !== group.timeZone
      ? `\nFor you (${userZone}): ${zonedLabel(startsAt, userZone)}`
      : '';
  const join = next.joinUrl ? `\n:link: <${next.joinUrl}|Join the meeting>` : '';
  const minutes = next.minutes ? `\n:memo: <${next.minutes.url}|Minutes>` : '';
  return ephemeral(
    `*${escapePlain(group.name)}: ${escapePlain(next.title)}*\n:calendar: ${slackDate(startsAt, group.timeZone)}` +
      `\nGroup time (${group.timeZone}): ${zonedLabel(startsAt, group.timeZone)}${yours}${join}${minutes}`,
  );
}

/** The asker's zone from their Slack profile; the answer still works without it. */
async function userTimeZone(services: Services, userId: SlackUserId): Promise<string | undefined> {
  try {
    const info = await services.slack.users.info({ user: userId });
    return info.user?.tz;
  } catch (error) {
    services.log.warn({ err: error }, 'users.info failed; answering in the group zone only');
    return undefined;
  }
}

async function setCancelled(
  services: Services,
  group: ResolvedGroup,
  userId: SlackUserId,
  date: LocalDate,
  cancel: boolean,
): Promise<Reply> {
  const now = services.clock.now();
  const occurrence = await occurrenceOnDate(services, group, date, now);
  if (cancel && occurrence.status === 'cancelled') {
    return ephemeral(
      `The meeting of ${date} is already cancelled. \`/meeting restore ${date}\` brings it back.`,
    );
  }
  if (!cancel && occurrence.status === 'scheduled')
    return ephemeral(`The meeting of ${date} is not cancelled.`);
  await services.occurrences.setCancelled(occurrence.id, cancel ? userId : null, now);
  await services.replan(group.id);
  // A reminder Slack already holds (handed over two minutes ahead) is taken back.
  if (cancel)
    await services.queue.enqueue([reminderWithdrawJobSpec(group.id, occurrence.startsAt, now)], now);
  const when = slackDate(new Date(occurrence.startsAt), group.timeZone);
  return inChannel(
    cancel
      ? `:no_entry_sign: *${escapePlain(occurrence.title)}* on ${when} is cancelled (by ${mentionUser(userId)}). No reminders will be posted for it.`
      : `:white_check_mark: *${escapePlain(occurrence.title)}* on ${when} is back on (restored by ${mentionUser(userId)}).`,
  );
}

/** The stored occurrence on a local date, storing it first if it lies beyond the planning horizon. */
async function occurrenceOnDate(
  services: Services,
  group: ResolvedGroup,
  date: LocalDate,
  now: Date,
): Promise<Occurrence> {
  // Beyond the planning horizon the occurrence is not stored yet: store exactly that date's
  // occurrences (the sync window spans only their starts, so no other meeting is touched).
  const planned = occurrenceOn(group, date).filter((o) => o.startsAt.getTime() > now.getTime());
  const first = planned[0];
  const last = planned[planned.length - 1];
  if (first && last) {
    const to = new Date(last.startsAt.getTime() + 1);
    await services.occurrences.sync(group.id, planned.map(toRow), first.startsAt, to, now);
  }
  const stored = (await services.occurrences.onDate(group.id, date)).filter(
    (o) => o.startsAt > now.toISOString(),
  );
  const found = stored[0];
  if (!found)
    throw new GavelError(
      'no_meeting',
      `No upcoming meeting on ${date}. ${await upcomingHint(services, group, now)}`,
    );
  return found;
}

async function upcomingHint(services: Services, group: ResolvedGroup, now: Date): Promise<string> {
  const upcoming = await services.occurrences.between(group.id, now, new Date(now.getTime() + 60 * DAY_MS));
  const dates = [...new Set(upcoming.map((o) => o.localDate))].slice(0, 4);
  return dates.length > 0
    ? `Upcoming meetings: ${dates.join(', ')}.`
    : 'No meetings are scheduled in the coming weeks.';
}

async function addMeeting(
  services: Services,
  group: ResolvedGroup,
  userId: SlackUserId,
  cmd: { date: LocalDate; time: string; title: string | undefined },
): Promise<Reply> {
  const now = services.clock.now();
  const startsAt = localToInstant(cmd.date, cmd.time as Parameters<typeof localToInstant>[1], group.timeZone);
  if (startsAt.getTime() <= now.getTime()) {
    throw new GavelError(
      'bad_input',
      `${cmd.date} ${cmd.time} (${group.timeZone}) is in the past. Pick a future date and time.`,
    );
  }
  const template = group.meetings[0];
  const durationMinutes = template?.durationMinutes ?? 60;
  const added = await services.occurrences.add(
    {
      groupId: group.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
      localDate: cmd.date,
      title: cmd.title ?? 'Extra meeting',
      joinUrl: template?.joinUrl,
      dialIn: template?.dialIn,
    },
    now,
  );
  if (!added) throw new GavelError('conflict', `A meeting already starts at ${cmd.date} ${cmd.time}.`);
  await services.replan(group.id);
  return inChannel(
    `:spiral_calendar_pad: ${mentionUser(userId)} added *${escapePlain(added.title)}* on ${slackDate(startsAt, group.timeZone)} (${zonedLabel(startsAt, group.timeZone)}).`,
  );
}

function toRow(o: ReturnType<typeof occurrenceOn>[number]) {
  return {
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    localDate: o.localDate,
    title: o.title,
    source: o.source,
    ruleId: o.ruleId,
    joinUrl: o.joinUrl,
    dialIn: o.dialIn,
    cancelled: o.cancelled,
  };
}
