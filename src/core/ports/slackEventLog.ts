/**
 * Slack retries an event it thinks was not received (up to 3 times) and Bolt does not
 * de-duplicate: the event id is recorded once, and only its first delivery is acted on.
 */
export interface SlackEventLog {
  /** True the first time this event id is seen, on any replica; false for every retry. */
  firstDelivery(eventId: string, now: Date): Promise<boolean>;
  /** Forgets ids older than `before` (Slack stops retrying after minutes). */
  prune(before: Date): Promise<number>;
}
