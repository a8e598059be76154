import { countLines } from '../../core/agenda/agendaCounts.js';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { AgendaCountRepository } from '../../core/ports/agendaCountRepository.js';
import { PermanentJobError } from '../../core/jobs/permanentJobError.js';
import { meetingKey } from '../../core/meeting/meetingKey.js';
import type { ActionItemRepository } from '../../core/ports/actionItemRepository.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { Log } from '../../core/ports/log.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { ReminderDeliveries } from '../../core/ports/reminderDeliveries.js';
import type { Telemetry } from '../../core/ports/telemetry.js';
import { nextReminderStep, STAGE_AHEAD_MS } from '../../core/reminder/reminderDelivery.js';
import { reminderMessage } from '../../core/reminder/reminderMessage.js';
import {
  isLate,
  reminderDecision,
  reminderDueAt,
  type ReminderPayload,
} from '../../core/reminder/reminderPlan.js';
import { reminderWithdrawJobSpec } from '../../core/reminder/reminderWithdrawJob.js';
import { isSupersededLead } from '../../core/reminder/supersededLead.js';
import { zonedDate } from '../../core/slackDate.js';
import { type HandOverDeps, handOverReminder } from './handOverReminder.js';
import { meetingStillGoesAhead } from './meetingStillGoesAhead.js';
import { dstReminderLine } from '../../core/dst/dstNoticeText.js';
import { type AudienceDeps, shiftedMeeting } from '../dst/groupMismatches.js';

export interface SendReminderDeps extends HandOverDeps, AudienceDeps {
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly occurrences: Pick<OccurrenceRepository, 'find'>;
  readonly agenda: Pick<AgendaRepository, 'openForMeeting'>;
  /** The counts as the job before this one left them: read, never fetched, here. */
  readonly agendaCounts: Pick<AgendaCountRepository, 'forGroup'>;
  readonly actionItems: Pick<ActionItemRepository, 'openDueBy'>;
  readonly reminderDeliveries: Pick<ReminderDeliveries, 'record' | 'forget' | 'progress'>;
  readonly queue: Pick<JobQueue, 'enqueue'>;
  readonly telemetry: Pick<Telemetry, 'reminderDelivered'>;
}

/**
 * Delivers one reminder (the job keyed `key`). The decisions (post, late, skip; schedule, post
 * now, look) are the core's; this gathers what the message shows and hands it over. Any
 * failure throws, and the queue retries with backoff.
 */
export async function sendReminder(
  deps: SendReminderDeps,
  key: string,
  payload: ReminderPayload,
  now: Date,
  log: Log,
): Promise<void> {
  const group = deps.groups.byId(payload.groupId);
  if (!group) {
    log.info({ group: payload.groupId }, 'reminder skipped: the group is no longer configured');
    return;
  }
  const occurrence = await deps.occurrences.find(group.id, payload.startsAt);
  const startsAt = new Date(payload.startsAt);
  const dueAt = reminderDueAt(startsAt, payload.leadMinutes);
  const decision = reminderDecision({ now, dueAt, startsAt, status: occurrence?.status ?? 'missing' });
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
  const counted = group.agendaCounts ?? [];
  const [agenda, due, shifted, readings] = await Promise.all([
    deps.agenda.openForMeeting(group.id, occurrence.startsAt),
    deps.actionItems.openDueBy(group.id, zonedDate(startsAt, group.timeZone)),
    shiftedMeeting(deps, group, { startsAt, title: occurrence.title }),
    counted.length > 0 ? deps.agendaCounts.forGroup(group.id) : Promise.resolve([]),
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
      minutesUrl: occurrence.minutes?.url ?? null,
    },
    agenda: agenda.map((a) => ({
      number: a.number,
      topic: a.topic,
      authorId: a.authorId,
      github: a.github,
      timeboxMinutes: a.timeboxMinutes,
    })),
    standing: group.agendaStanding ?? [],
    counts: countLines(counted, readings),
    actionItemsDue: due.map((a) => ({ number: a.number, text: a.text, owners: a.owners })),
    minutesEnabled: group.minutes !== undefined,
    meetingKey: meetingKey(group.id, occurrence.startsAt),
    ...(shifted ? { dstLine: dstReminderLine(shifted, group.timeZone) } : {}),
  });
  const step = nextReminderStep(await deps.reminderDeliveries.progress(key), now, dueAt);
  const outcome = await handOverReminder(deps, key, step, { ...message, channel: group.channelId }, now, log);
  // Found pending: an attempt cut off before it could record (or count) its hand-over.
  if (outcome === 'scheduled' || outcome === 'found') deps.telemetry.reminderDelivered('handed_over');
  else if (outcome === 'posted') deps.telemetry.reminderDelivered('posted');
  if (outcome === 'scheduled' || outcome === 'found') {
    await withdrawIfCancelledMeanwhile(deps, payload, group.channelId, now, log);
  }
  if (outcome === 'done') log.info('reminder already with Slack');
  else if (outcome === 'unknown')
    log.error(
      { reason: step.kind === 'unknown' ? step.reason : undefined },
      'reminder not sent again: an earlier attempt was cut off and may have posted it',
    );
  else if (isLate(decision)) log.warn({ lateByMs: decision.lateByMs, outcome }, 'reminder posted late');
  else log.info({ outcome }, outcome === 'scheduled' ? 'reminder scheduled' : 'reminder posted');
}

/**
 * A cancellation (`/meeting cancel`, or a groups file that drops the meeting or its group)
 * first marks the meeting, then takes back the reminders it finds handed over. One landing
 * while this job was handing its reminder over found nothing to take back, so the job looks
 * at the meeting again once the hand-over is recorded: whichever of the two comes second
 * sees the other, and the reminder is withdrawn either way.
 */
async function withdrawIfCancelledMeanwhile(
  deps: SendReminderDeps,
  reminder: ReminderPayload,
  channelId: string,
  now: Date,
  log: Log,
): Promise<void> {
  if (await meetingStillGoesAhead(deps, reminder.groupId, reminder.startsAt)) return;
  await deps.queue.enqueue(
    [reminderWithdrawJobSpec(reminder.groupId, reminder.startsAt, now, channelId)],
    now,
  );
  log.info('the meeting was cancelled while its reminder was handed over: withdrawal queued');
}
