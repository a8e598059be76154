import type { ResolvedGroup } from '../core/groupDirectory.js';
import { retentionJobSpec } from '../core/jobs/retention.js';
import { occurrencesBetween } from '../core/schedule/occurrences.js';
import type { Services } from '../services.js';
import { healActionItemFollowUps } from './actionItemFollowUps.js';
import { groupJobPrefixes, occurrenceJobs } from './occurrenceJobs.js';
import { withdrawHandedOver } from './reminderWithdrawJob.js';
import { todoReconcileJobSpec } from './todoReconcileJob.js';

/** How far ahead occurrences and their reminder jobs are kept in the database. */
export const PLAN_HORIZON_DAYS = 42;
const DAY_MS = 24 * 60 * 60_000;

export interface PlanResult {
  readonly occurrences: number;
  readonly jobsAdded: number;
  readonly jobsCancelled: number;
  /** Meetings no longer going ahead whose reminder Slack already holds: taken back. */
  readonly remindersWithdrawn: number;
  /** Action-item follow-ups that were missing (a crash between saving and enqueuing). */
  readonly followUpsHealed: number;
}

/**
 * Brings one group's stored occurrences and reminder jobs in line with groups.yml and the
 * cancellations made in Slack. Idempotent: running it twice changes nothing the second time,
 * so it is safe at start, daily, on every replica, and after every `/meeting` command.
 */
export async function planGroup(services: Services, group: ResolvedGroup): Promise<PlanResult> {
  const now = services.clock.now();
  const to = new Date(now.getTime() + PLAN_HORIZON_DAYS * DAY_MS);
  const planned = occurrencesBetween(group, now, to).map((o) => ({
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    localDate: o.localDate,
    title: o.title,
    source: o.source,
    ruleId: o.ruleId,
    joinUrl: o.joinUrl,
    dialIn: o.dialIn,
    cancelled: o.cancelled,
  }));
  const stored = await services.occurrences.sync(group.id, planned, now, to, now);
  const goingAhead = stored.filter((o) => o.status === 'scheduled');
  const jobs = goingAhead.flatMap((o) => occurrenceJobs(group, o));
  const jobsAdded = await services.queue.enqueue(jobs, now);
  // Everything under the group's prefixes that is not in today's plan: cancelled or removed
  // meetings, and lead times no longer configured.
  const keep = new Set(jobs.map((j) => j.key));
  let jobsCancelled = 0;
  for (const prefix of groupJobPrefixes(group.id)) {
    jobsCancelled += await services.queue.cancelPending(prefix, keep, now);
  }
  // A reminder handed to Slack in the last two minutes is no pending job: it is taken back.
  const remindersWithdrawn = await withdrawHandedOver(
    services,
    group,
    new Set(goingAhead.map((o) => o.startsAt)),
    now,
  );
  // Without a GitHub webhook, issues closed on GitHub are found by polling, hourly.
  if (group.github && services.github && !services.github.webhooks) {
    await services.queue.enqueue([todoReconcileJobSpec(group.id, now)], now);
  }
  const followUpsHealed = await healActionItemFollowUps(services, group);
  return { occurrences: stored.length, jobsAdded, jobsCancelled, remindersWithdrawn, followUpsHealed };
}

export async function planAll(services: Services): Promise<void> {
  for (const group of services.groups.all()) {
    const result = await planGroup(services, group);
    services.log.info({ group: group.id, ...result }, 'planned');
  }
  // Housekeeping rides on the same hourly beat (and on every replica: the key keeps it to one).
  const now = services.clock.now();
  await services.queue.enqueue([retentionJobSpec(now)], now);
}

/**
 * A group removed from the groups file: its pending reminders and minutes jobs are dropped,
 * and a reminder Slack already holds is taken back.
 */
export async function forgetGroup(services: Services, group: ResolvedGroup): Promise<number> {
  const now = services.clock.now();
  let cancelled = 0;
  for (const prefix of groupJobPrefixes(group.id)) {
    cancelled += await services.queue.cancelPending(prefix, new Set(), now);
  }
  const remindersWithdrawn = await withdrawHandedOver(services, group, new Set(), now);
  services.log.info({ group: group.id, jobsCancelled: cancelled, remindersWithdrawn }, 'group removed');
  return cancelled;
}
