import type { KnownBlock } from '@slack/types';
import type { Log } from '../../core/ports/log.js';
import type { ReminderDeliveries } from '../../core/ports/reminderDeliveries.js';
import { isSlackCallError, type SlackWorkspace } from '../../core/ports/slackWorkspace.js';
import { afterFruitlessLook, type ReminderStep } from '../../core/reminder/reminderDelivery.js';

export interface HandOverDeps {
  readonly reminderDeliveries: Pick<ReminderDeliveries, 'record' | 'forget'>;
  readonly workspace: Pick<SlackWorkspace, 'scheduledAt' | 'schedule' | 'post' | 'deleteScheduled'>;
}

export interface OutgoingReminder {
  readonly channel: string;
  readonly text: string;
  readonly blocks: readonly KnownBlock[];
}

/** What came of one attempt: already done, unknown (cut off earlier), scheduled, found pending, posted. */
export type HandOverOutcome = 'done' | 'unknown' | 'scheduled' | 'found' | 'posted';

/**
 * Takes one step of a reminder's delivery (see nextReminderStep), recording before and after
 * each call to Slack under the job's key, so that an attempt cut off by a crash is recognised
 * by whichever worker takes the job over.
 */
export async function handOverReminder(
  deps: HandOverDeps,
  key: string,
  first: ReminderStep,
  out: OutgoingReminder,
  now: Date,
  log: Log,
): Promise<HandOverOutcome> {
  const { reminderDeliveries: deliveries, workspace } = deps;
  let step = first;
  if (step.kind === 'look') {
    const { text } = step;
    const found = (await workspace.scheduledAt(step.channelId, step.postAt)).filter((m) => m.text === text);
    const [kept, ...extra] = found;
    if (kept) {
      await deliveries.record(
        key,
        { state: 'scheduled', postAt: step.postAt, scheduledMessageId: kept.id, channelId: step.channelId },
        now,
      );
      for (const m of extra) await unschedule(deps, step.channelId, m.id, log);
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
        key,
        { state: 'scheduling', postAt, channelId: out.channel, text: out.text },
        now,
      );
      const scheduledMessageId = await workspace
        .schedule(out.channel, message, postAt)
        .catch(async (error: unknown) => {
          // Slack said no: nothing is pending, start afresh. No answer: the next attempt looks.
          if (isSlackCallError(error) && error.answered) await deliveries.forget(key);
          throw error;
        });
      await deliveries.record(
        key,
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
      await deliveries.record(key, { state: 'posting' }, now);
      const ts = await workspace.post(out.channel, message).catch(async (error: unknown) => {
        // This process saw the failure: a retry may post twice after a timeout, but never loses it.
        await deliveries.forget(key);
        throw error;
      });
      await deliveries.record(key, { state: 'posted', ts }, now);
      return 'posted';
    }
  }
}

/** A duplicate left by an earlier attempt; failing to remove it is logged, not retried. */
async function unschedule(deps: HandOverDeps, channel: string, id: string, log: Log): Promise<void> {
  await deps.workspace
    .deleteScheduled(channel, id)
    .catch((error: unknown) =>
      log.warn({ err: error, id }, 'could not remove a duplicate scheduled reminder'),
    );
}
