import type { ResolvedGroup } from '../core/groupDirectory.js';
import { occurrencesBetween } from '../core/schedule/occurrences.js';
import type { Services } from '../services.js';
import { healActionItemFollowUps } from './actionItemFollowUps.js';
import { groupJobPrefixes, occurrenceJobs } from './occurrenceJobs.js';
import { todoReconcileJobSpec } from './todoReconcileJob.js';

/** How far ahead occurrences and their reminder jobs are kept in the database. */
export const PLAN_HORIZON_DAYS = 42;
const DAY_MS = 24 * 60 * 60_000;

export interface PlanResult {
  readonly occurrences: number;
  readonly jobsAdded: number;
  readonly jobsCancelled: number;
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
  const jobs = stored.filter((o) => o.status === 'scheduled').flatMap((o) => occurrenceJobs(group, o));
  const jobsAdded = await services.queue.enqueue(jobs, now);
  // Everything under the group's prefixes that is not in today's plan: cancelled or removed
  // meetings, and lead times no longer configured.
  const keep = new Set(jobs.map((j) => j.key));
  let jobsCancelled = 0;
  for (const prefix of groupJobPrefixes(group.id)) {
    jobsCancelled += await services.queue.cancelPending(prefix, keep, now);
  }
  // Without a GitHub webhook, issues closed on GitHub are found by polling, hourly.
  if (group.github && services.github && !services.github.webhooks) {
    await services.queue.enqueue([todoReconcileJobSpec(group.id, now)], now);
  }
  const followUpsHealed = await healActionItemFollowUps(services, group);
  return { occurrences: stored.length, jobsAdded, jobsCancelled, followUpsHealed };
}

export async function planAll(services: Services): Promise<void> {
  for (const group of services.groups.all()) {
    const result = await planGroup(services, group);
    services.log.info({ group: group.id, ...result }, 'planned');
  }
}

/** A group removed from the groups file: its pending reminders and minutes jobs are dropped. */
export async function forgetGroup(services: Services, groupId: string): Promise<number> {
  const now = services.clock.now();
  let cancelled = 0;
  for (const prefix of groupJobPrefixes(groupId)) {
    cancelled += await services.queue.cancelPending(prefix, new Set(), now);
  }
  services.log.info({ group: groupId, jobsCancelled: cancelled }, 'group removed');
  return cancelled;
}
