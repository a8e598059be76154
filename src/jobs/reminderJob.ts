import { isLate, reminderDecision, type ReminderPayload } from '../core/reminder/reminderPlan.js';
import { reminderMessage } from '../core/reminder/reminderMessage.js';
import { isSupersededLead } from '../core/reminder/supersededLead.js';
import { zonedDate } from '../core/slackDate.js';
import type { Services } from '../services.js';
import { meetingKey } from '../slack/meetingKey.js';
import { type JobHandler, PermanentJobError, parsePayload } from './jobHandler.js';

export const REMINDER_JOB = 'reminder';

/**
 * Posts one reminder. The decision (post, late, skip) is the core's; this only gathers what
 * the message shows and sends it. Slack's 429s are retried inside the WebClient honouring
 * Retry-After; any other failure throws and the queue retries with backoff.
 */
export function reminderJob(services: Services): JobHandler {
  return async (job, { now, log }) => {
    const payload = parsePayload<ReminderPayload>(job);
    const group = services.groups.byId(payload.groupId);
    if (!group) {
      log.info({ group: payload.groupId }, 'reminder skipped: the group is no longer configured');
      return;
    }
    const occurrence = await services.occurrences.find(group.id, payload.startsAt);
    const startsAt = new Date(payload.startsAt);
    const decision = reminderDecision({
      now,
      dueAt: new Date(job.run_at),
      startsAt,
      status: occurrence?.status ?? 'missing',
    });
    if (decision.kind === 'skip') {
      log.info({ reason: decision.reason }, 'reminder skipped');
      return;
    }
    if (
      isSupersededLead({
        leadMinutes: payload.leadMinutes,
        allLeads: group.reminderLeadMinutes,
        startsAt,
        now,
      })
    ) {
      log.info({ reason: 'shorter-lead-due' }, 'reminder skipped: a closer reminder of this meeting is due');
      return;
    }
    if (!occurrence) throw new PermanentJobError('occurrence vanished');
    const [agenda, due] = await Promise.all([
      services.agenda.openForMeeting(group.id, occurrence.starts_at),
      services.actionItems.openDueBy(group.id, zonedDate(startsAt, group.timeZone)),
    ]);
    const message = reminderMessage({
      groupName: group.name,
      timeZone: group.timeZone,
      meeting: {
        title: occurrence.title,
        startsAt,
        endsAt: new Date(occurrence.ends_at),
        joinUrl: occurrence.join_url,
        dialIn: occurrence.dial_in,
        minutesUrl: occurrence.minutes_url,
      },
      agenda: agenda.map((a) => ({ number: a.number, topic: a.topic, authorId: a.author_id })),
      actionItemsDue: due.map((a) => ({
        number: a.number,
        text: a.text,
        owners: JSON.parse(a.owners) as string[],
      })),
      minutesEnabled: group.minutes !== undefined,
      meetingKey: meetingKey(group.id, occurrence.starts_at),
    });
    // unfurl off: the join link's preview would push the agenda out of sight.
    await services.slack.chat.postMessage({
      channel: group.channelId,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    if (isLate(decision)) log.warn({ lateByMs: decision.lateByMs }, 'reminder posted late');
    else log.info('reminder posted');
  };
}
