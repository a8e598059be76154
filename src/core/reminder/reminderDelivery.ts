import { JOB_LEASE_MS } from '../jobs/lease.js';

/**
 * Reminders are handed to Slack ahead of time with chat.scheduleMessage and Slack posts them
 * on the minute. Why not post at the due time: Slack has no idempotency key, so a process
 * killed between Slack's answer to chat.postMessage and our record of it cannot tell whether
 * the reminder went out (finding it would need channels:history, which gavel does not ask
 * for). A scheduled message can be found again: chat.scheduledMessages.list shows the bot's
 * pending ones, so a crash while scheduling is recovered by looking before scheduling again,
 * as long as the look happens before Slack posts it.
 */

/** The reminder job runs this long before its post time: the agenda it shows is this fresh. */
export const STAGE_AHEAD_MS = 2 * 60_000;

/**
 * Scheduling is only safe this far ahead: a worker that dies right after scheduling loses its
 * lease after JOB_LEASE_MS, and whoever takes the job over must still see the message pending.
 * The doubled lease leaves room for a heartbeat and a slow start.
 */
export const MIN_SCHEDULE_AHEAD_MS = 2 * JOB_LEASE_MS;

/** Looking for our own pending message this close to its post time could race Slack posting it. */
const LOOK_MARGIN_MS = 10_000;

/** What is durably known about one reminder's delivery (one row per reminder job key). */
export type ReminderProgress =
  | { readonly state: 'none' }
  /** Recorded before calling chat.scheduleMessage; Slack's answer not yet recorded. */
  | {
      readonly state: 'scheduling';
      readonly postAt: Date;
      /** Where and what was sent: how the pending message is recognised again. */
      readonly channelId: string;
      readonly text: string;
    }
  | {
      readonly state: 'scheduled';
      readonly postAt: Date;
      readonly scheduledMessageId: string;
      /**
       * Where Slack holds it: a withdrawal must go there even if the group's channel changed
       * since. Absent on records written before it was kept.
       */
      readonly channelId?: string;
    }
  /** Recorded before calling chat.postMessage (a late reminder); Slack's answer not yet recorded. */
  | { readonly state: 'posting' }
  | { readonly state: 'posted'; readonly ts: string };

export type ReminderStep =
  /** Slack has it (scheduled or posted): nothing more to do. */
  | { readonly kind: 'done' }
  /** Hand it to Slack for `postAt`. */
  | { readonly kind: 'schedule'; readonly postAt: Date }
  /** Too late to schedule safely: post it now (a late reminder). */
  | { readonly kind: 'post' }
  /** An attempt to schedule was cut off: look for it among the pending messages first. */
  | { readonly kind: 'look'; readonly postAt: Date; readonly channelId: string; readonly text: string }
  /** An attempt was cut off and nothing can tell whether it reached Slack: post nothing more. */
  | { readonly kind: 'unknown'; readonly reason: 'cut-off-while-posting' | 'cut-off-while-scheduling' };

/** How to deliver a reminder due at `dueAt`, given what an earlier attempt recorded. */
export function nextReminderStep(progress: ReminderProgress, now: Date, dueAt: Date): ReminderStep {
  switch (progress.state) {
    case 'scheduled':
    case 'posted':
      return { kind: 'done' };
    case 'posting':
      return { kind: 'unknown', reason: 'cut-off-while-posting' };
    case 'scheduling':
      return now.getTime() < progress.postAt.getTime() - LOOK_MARGIN_MS
        ? { kind: 'look', postAt: progress.postAt, channelId: progress.channelId, text: progress.text }
        : { kind: 'unknown', reason: 'cut-off-while-scheduling' };
    case 'none':
      return firstStep(now, dueAt);
  }
}

/** After a look found nothing pending: schedule again for the same minute, or post if it is too close. */
export function afterFruitlessLook(now: Date, postAt: Date): ReminderStep {
  return firstStep(now, postAt);
}

function firstStep(now: Date, dueAt: Date): ReminderStep {
  return dueAt.getTime() - now.getTime() >= MIN_SCHEDULE_AHEAD_MS
    ? { kind: 'schedule', postAt: dueAt }
    : { kind: 'post' };
}
