import type { ReminderProgress } from '../reminder/reminderDelivery.js';

/**
 * What each reminder's delivery has got to, keyed by its job key. Written before and after
 * every call to Slack, so an attempt cut off by a crash is known to have been cut off.
 */
export interface ReminderDeliveries {
  progress(key: string): Promise<ReminderProgress>;
  record(key: string, progress: Exclude<ReminderProgress, { state: 'none' }>, now: Date): Promise<void>;
  /** The reminders under a key prefix (one meeting's) that Slack holds to post at a later time. */
  scheduledAfter(keyPrefix: string, after: Date): Promise<ScheduledReminder[]>;
  /** Back to 'none': Slack answered that it did not take the reminder, so trying again is safe. */
  forget(key: string): Promise<void>;
  /**
   * Deletes up to `limit` deliveries last written before `before` whose reminder job is not
   * pending or running (nothing can consult them any more); returns how many.
   */
  prune(before: Date, limit: number): Promise<number>;
}

export interface ScheduledReminder {
  readonly key: string;
  readonly postAt: Date;
  readonly scheduledMessageId: string;
  /** Where Slack holds it (absent on records written before it was kept). */
  readonly channelId?: string;
}
