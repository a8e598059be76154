import {
  afterFruitlessLook,
  nextReminderStep,
  type ReminderStep,
  STAGE_AHEAD_MS,
} from '../core/reminder/reminderDelivery.js';
import {
  isLate,
  reminderDecision,
  reminderDueAt,
  type ReminderPayload,
} from '../core/reminder/reminderPlan.js';
import { reminderMessage } from '../core/reminder/reminderMessage.js';
import { isSupersededLead } from '../core/reminder/supersededLead.js';
import { zonedDate } from '../core/slackDate.js';
import type { Services } from '../services.js';
import type { Logger } from '../log/logger.js';
import { meetingKey } from '../slack/meetingKey.js';
import { isSlackCallError } from '../core/ports/slackWorkspace.js';
import type { Job } from '../core/model/job.js';
import { type JobHandler, PermanentJobError, parsePayload } from './jobHandler.js';
import { meetingStillGoesAhead, reminderWithdrawJobSpec } from './reminderWithdrawJob.js';

export const REMINDER_JOB = 'reminder';

/**
 * Delivers one reminder. The decisions (post, late, skip; schedule, post now, look) are the
 * core's; this gathers what the message shows and hands it to Slack, recording before and
 * after each call so a crash in between is recognised (see reminderDelivery.ts). Slack's 429s
 * are retried inside the WebClient honouring Retry-After; any other failure throws and the
 * queue retries with backoff.
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
    const dueAt = reminderDueAt(startsAt, payload.leadMinutes);
    const decision = reminderDecision({
      now,
      dueAt,
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
        // A shorter lead whose job is running now (staged ahead of its minute) wins too.
        now: new Date(now.getTime() + STAGE_AHEAD_MS),
      })
    ) {
      log.info({ reason: 'shorter-lead-due' }, 'reminder skipped: a closer reminder of this meeting is due');
      return;
    }
    if (!occurrence) throw new PermanentJobError('occurrence vanished');
    const [agenda, due] = await Promise.all([
      services.agenda.openForMeeting(group.id, occurrence.startsAt),
      services.actionItems.openDueBy(group.id, zonedDate(startsAt, group.timeZone)),
    ]);
    const message = reminderMessage({
      groupName: group.name,
      timeZone: group.timeZone,
      meeting: {
        title: occurrence.title,
        startsAt,
        endsAt: new Date(occurrence.endsAt),
        joinUrl: occurrence.joinUrl,
        dialIn: occurrence.dialIn,
        minutesUrl: occurrence.minutes?.url,
      },
      agenda: agenda.map((a) => ({ number: a.number, topic: a.topic, authorId: a.authorId })),
      actionItemsDue: due.map((a) => ({
        number: a.number,
        text: a.text,
        owners: a.owners,
      })),
      minutesEnabled: group.minutes !== undefined,
      meetingKey: meetingKey(group.id, occurrence.startsAt),
    });
    const step = nextReminderStep(await services.reminderDeliveries.progress(job.key), now, dueAt);
    const outcome = await deliver(services, job, step, { ...message, channel: group.channelId }, now);
    if (outcome === 'scheduled' || outcome === 'found') {
      await withdrawIfCancelledMeanwhile(services, payload, group.channelId, now, log);
    }
    if (outcome === 'done') log.info('reminder already with Slack');
    else if (outcome === 'unknown')
      log.error(
        { reason: step.kind === 'unknown' ? step.reason : undefined },
        'reminder not sent again: an earlier attempt was cut off and may have posted it',
      );
    else if (isLate(decision)) log.warn({ lateByMs: decision.lateByMs, outcome }, 'reminder posted late');
    else log.info({ outcome }, outcome === 'scheduled' ? 'reminder scheduled' : 'reminder posted');
  };
}

/**
 * A cancellation (`/meeting cancel`, or a groups file that drops the meeting or its group)
 * first marks the meeting, then takes back the reminders it finds handed over. One landing
 * while this job was handing its reminder over found nothing to take back, so the job looks
 * at the meeting again once the hand-over is recorded: whichever of the two comes second
 * sees the other, and the reminder is withdrawn either way.
 */
async function withdrawIfCancelledMeanwhile(
  services: Services,
  reminder: ReminderPayload,
  channelId: string,
  now: Date,
  log: Logger,
): Promise<void> {
  if (await meetingStillGoesAhead(services, reminder.groupId, reminder.startsAt)) return;
  await services.queue.enqueue(
    [reminderWithdrawJobSpec(reminder.groupId, reminder.startsAt, now, channelId)],
    now,
  );
  log.info('the meeting was cancelled while its reminder was handed over: withdrawal queued');
}

interface Outgoing {
  readonly channel: string;
  readonly text: string;
  readonly blocks: ReturnType<typeof reminderMessage>['blocks'];
}

type Outcome = 'done' | 'unknown' | 'scheduled' | 'found' | 'posted';

async function deliver(
  services: Services,
  job: Job,
  first: ReminderStep,
  out: Outgoing,
  now: Date,
): Promise<Outcome> {
  const { reminderDeliveries: deliveries, workspace } = services;
  let step = first;
  if (step.kind === 'look') {
    const { text } = step;
    const found = (await workspace.scheduledAt(step.channelId, step.postAt)).filter((m) => m.text === text);
    const [kept, ...extra] = found;
    if (kept) {
      await deliveries.record(
        job.key,
        { state: 'scheduled', postAt: step.postAt, scheduledMessageId: kept.id, channelId: step.channelId },
        now,
      );
      for (const m of extra) await unschedule(services, step.channelId, m.id, services.log);
      return 'found';
    }
    step = afterFruitlessLook(now, step.postAt);
  }
  // unfurl off: the join link's preview would push the agenda out of sight.
  const message = { text: out.text, blocks: out.blocks, unfurl: false };
  switch (step.kind) {
    case 'done':
    case 'unknown':
      return step.kind;
    case 'look':
      throw new Error('a look never follows a look');
    case 'schedule': {
      const { postAt } = step;
      await deliveries.record(
        job.key,
        { state: 'scheduling', postAt, channelId: out.channel, text: out.text },
        now,
      );
      const scheduledMessageId = await workspace
        .schedule(out.channel, message, postAt)
        .catch(async (error: unknown) => {
          // Slack said no: nothing is pending, start afresh. No answer: the next attempt looks.
          if (isSlackCallError(error) && error.answered) await deliveries.forget(job.key);
          throw error;
        });
      await deliveries.record(
        job.key,
        {
          state: 'scheduled',
          postAt,
          scheduledMessageId,
          channelId: out.channel,
        },
        now,
      );
      return 'scheduled';
    }
    case 'post': {
      await deliveries.record(job.key, { state: 'posting' }, now);
      const ts = await workspace.post(out.channel, message).catch(async (error: unknown) => {
        // This process saw the failure: a retry may post twice after a timeout, but never loses it.
        await deliveries.forget(job.key);
        throw error;
      });
      await deliveries.record(job.key, { state: 'posted', ts }, now);
      return 'posted';
    }
  }
}

/** A duplicate left by an earlier attempt; failing to remove it is logged, not retried. */
async function unschedule(services: Services, channel: string, id: string, log: Logger): Promise<void> {
  await services.workspace
    .deleteScheduled(channel, id)
    .catch((error: unknown) =>
      log.warn({ err: error, id }, 'could not remove a duplicate scheduled reminder'),
    );
}
