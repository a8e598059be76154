import type { Clock } from '../../core/clock.js';
import { DAY_MS } from '../../core/duration.js';
import type { GroupDirectory, ResolvedGroup } from '../../core/groupDirectory.js';
import { retentionJobSpec } from '../../core/jobs/retention.js';
import type { IssueTracker } from '../../core/ports/issueTracker.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { Log } from '../../core/ports/log.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { ReminderDeliveries } from '../../core/ports/reminderDeliveries.js';
import { groupJobPrefixes, occurrenceJobs } from '../../core/schedule/occurrenceJobs.js';
import { occurrencesBetween } from '../../core/schedule/occurrences.js';
import { cancelledNoticeJobSpec, cancelledNotices } from '../../core/meeting/cancelledNotice.js';
import { PLAN_HORIZON_DAYS } from '../../core/schedule/planHorizon.js';
import { reminderDueAt, reminderJobs, type ReminderPayload } from '../../core/reminder/reminderPlan.js';
import { handOversPerMinute, spreadHandOvers } from '../../core/reminder/handOverSpread.js';
import type { JobSpec } from '../../core/ports/jobQueue.js';
import { HEAL_WINDOW_MS, todoReconcileJobSpec } from '../../core/todo/todoJobs.js';
import type { ActionItemRepository } from '../../core/ports/actionItemRepository.js';
import { withdrawHandedOver } from '../reminders/withdrawHandedOver.js';
import { REMINDER_PREFIX } from '../../core/reminder/reminderPlan.js';
import { reminderKeysByGroup } from '../../core/reminder/withdrawals.js';
import { healActionItemFollowUps } from '../todo/healFollowUps.js';
import { healRecordFollowUps } from '../record/healRecordFollowUps.js';
import type { MeetingRecordRepository } from '../../core/ports/meetingRecordRepository.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import { healAgendaMinutes } from '../agenda/healAgendaMinutes.js';
import type { DigestSource } from '../../core/digest/digestSettings.js';
import { planDigest } from './planDigest.js';
import { dstNoticeJobSpec } from '../../core/dst/dstNoticeJob.js';
import { meetingsAsHeld } from '../../core/dst/meetingsAsHeld.js';
import type { AudienceZones } from '../dst/audienceZones.js';
import { groupMismatches } from '../dst/groupMismatches.js';
import { calendarSyncJobSpec, calendarSyncPrefix } from '../../core/calendar/calendarSyncJob.js';
import { desiredSharedEvents } from '../calendar/syncSharedCalendar.js';
import { githubAgendaSyncJobs, githubAgendaSyncPrefix } from '../../core/agenda/githubAgendaSyncJob.js';

export interface PlanDeps {
  readonly clock: Clock;
  readonly groups: Pick<GroupDirectory, 'all'>;
  readonly log: Log;
  readonly occurrences: Pick<OccurrenceRepository, 'sync' | 'between'>;
  readonly queue: JobQueue;
  readonly reminderDeliveries: Pick<ReminderDeliveries, 'scheduledAfter'>;
  readonly actionItems: ActionItemRepository;
  readonly records: Pick<MeetingRecordRepository, 'recordedSince' | 'groupsRecordedSince'>;
  readonly agenda: Pick<AgendaRepository, 'openChangedSince'>;
  readonly github?: IssueTracker | undefined;
  /** Whether Google is configured (minutes follow-ups are healed only then). */
  readonly minutes?: unknown;
  /** Whether a shared calendar is configured (GOOGLE_CALENDAR_ID): its sync is queued only then. */
  readonly calendar?: unknown;
  /**
   * Reminders whose minute is before this instant are not planned. Only the sandbox sets it
   * (to when it started): a throwaway sandbox has no missed reminder to make up for, while a
   * deployment back from downtime still posts one late (see reminderJobs).
   */
  readonly remindersFrom?: Date;
  /** Where each group's people are, for DST notices (absent: the groups file's zones alone). */
  readonly audience?: AudienceZones | undefined;
  /** The weekly digest's setting, when the groups file has one (planned by planAll). */
  readonly digest?: Pick<DigestSource, 'current'>;
  /**
   * The workspace's Slack call budget (SLACK_CALLS_PER_MINUTE): planAll hands a burst of
   * reminders over early enough to stay under it (see spreadHandOvers). Unset, every reminder
   * is handed over STAGE_AHEAD_MS before its minute.
   */
  readonly slackCallsPerMinute?: number;
}

/** Run times of reminder jobs that a burst moved earlier (see spreadHandOvers), by job key. */
export type HandOverTimes = ReadonlyMap<string, Date>;

/**
 * What planAll looks up once for every group instead of once per group: the hand-over times,
 * and which groups recorded anything or opened an action item within the heal window (the
 * others have nothing whose follow-ups could be missing, so their rows are not read).
 */
export interface PlanBatch {
  readonly handOvers?: HandOverTimes;
  readonly recent?: { readonly records: ReadonlySet<string>; readonly actionItems: ReadonlySet<string> };
}

export interface PlanResult {
  readonly occurrences: number;
  readonly jobsAdded: number;
  readonly jobsCancelled: number;
  /** Meetings no longer going ahead whose reminder Slack already holds: taken back. */
  readonly remindersWithdrawn: number;
  /** Action-item follow-ups that were missing (a crash between saving and enqueuing). */
  readonly followUpsHealed: number;
  /** The same for check-ins, decisions and recording links. */
  readonly recordFollowUpsHealed: number;
  /** The same for agenda items' lines in the minutes. */
  readonly agendaMinutesHealed: number;
  /** A sync of the shared calendar queued: the plan changed, or the hour turned. */
  readonly calendarSyncQueued: number;
}

/**
 * Brings one group's stored occurrences and reminder jobs in line with groups.yml and the
 * cancellations made in Slack. Idempotent: running it twice changes nothing the second time,
 * so it is safe at start, hourly, on every replica, and after every `/meeting` command.
 */
export async function planGroup(
  deps: PlanDeps,
  group: ResolvedGroup,
  batch: PlanBatch = {},
): Promise<PlanResult> {
  const { result, goingAhead } = await planGroupJobs(deps, group, batch);
  // A reminder handed to Slack in the last two minutes is no pending job: it is taken back.
  const remindersWithdrawn = await withdrawHandedOver(deps, group, goingAhead, deps.clock.now());
  return { ...result, remindersWithdrawn };
}

/**
 * All of planGroup but the withdrawals of reminders Slack holds, which need the meetings going
 * ahead (start instants): planAll does those for every group in one pass after the last plan.
 */
async function planGroupJobs(
  deps: PlanDeps,
  group: ResolvedGroup,
  batch: PlanBatch,
): Promise<{ result: Omit<PlanResult, 'remindersWithdrawn'>; goingAhead: ReadonlySet<string> }> {
  const handOvers = batch.handOvers ?? new Map<string, Date>();
  const now = deps.clock.now();
  const to = new Date(now.getTime() + PLAN_HORIZON_DAYS * DAY_MS);
  const planned = occurrencesBetween(group, now, to);
  const stored = await deps.occurrences.sync(group.id, planned, now, to, now);
  const goingAhead = stored.filter((o) => o.status === 'scheduled');
  const goingAheadAt = new Set(goingAhead.map((o) => o.startsAt));
  const jobs = [
    ...goingAhead
      .flatMap((o) => occurrenceJobs(group, o))
      .filter((job) => !remindsBefore(job, deps.remindersFrom))
      .map((job) => {
        const runAt = handOvers.get(job.key);
        return runAt ? { ...job, runAt } : job;
      }),
    // The channel is told of the file's cancellations a few days ahead (withdrawn with them,
    // and when a lead restores the meeting).
    ...cancelledNotices(group, planned, now)
      .filter((n) => !goingAheadAt.has(n.first.startsAt.toISOString()))
      .map((n) => cancelledNoticeJobSpec(group.id, n.first.startsAt)),
    // And of a clock change that shifts meetings for part of its audience (withdrawn likewise).
    ...(await groupMismatches(deps, group, meetingsAsHeld(planned, stored))).map((m) =>
      dstNoticeJobSpec(group.id, m, group.dstNoticeMinutes!),
    ),
  ];
  // GitHub-labelled agenda items: synced hourly and before each reminder and minutes doc.
  if (group.agendaGithub && deps.github) jobs.push(...githubAgendaSyncJobs(group.id, jobs, now));
  // And everything under the group's prefixes that is not in today's plan is cancelled:
  // cancelled or removed meetings, and lead times no longer configured.
  const { added: jobsAdded, cancelled: jobsCancelled } = await deps.queue.replacePending(
    [...groupJobPrefixes(group.id), githubAgendaSyncPrefix(group.id)],
    jobs,
    now,
  );
  // Without a GitHub webhook, issues closed on GitHub are found by polling, hourly.
  if (group.github && deps.github && !deps.github.webhooks) {
    await deps.queue.enqueue([todoReconcileJobSpec(group.id, now)], now);
  }
  const followUpsHealed =
    !batch.recent || batch.recent.actionItems.has(group.id) ? await healActionItemFollowUps(deps, group) : 0;
  const recordFollowUpsHealed =
    !batch.recent || batch.recent.records.has(group.id)
      ? await healRecordFollowUps({ ...deps, githubOn: deps.github !== undefined }, group)
      : 0;
  const agendaMinutesHealed = deps.minutes ? await healAgendaMinutes(deps, group) : 0;
  const calendarSyncQueued = deps.calendar ? await queueCalendarSync(deps, group, now) : 0;
  return {
    result: {
      occurrences: stored.length,
      jobsAdded,
      jobsCancelled,
      followUpsHealed,
      recordFollowUpsHealed,
      agendaMinutesHealed,
      calendarSyncQueued,
    },
    goingAhead: goingAheadAt,
  };
}

/**
 * Queues the group's shared-calendar sync for the plan as it is now (a no-op when that plan
 * was already queued this hour), and drops older ones still waiting: they would only repeat it.
 */
async function queueCalendarSync(
  deps: Pick<PlanDeps, 'occurrences' | 'queue'>,
  group: ResolvedGroup,
  now: Date,
): Promise<number> {
  const spec = calendarSyncJobSpec(group.id, await desiredSharedEvents(deps, group, now), now);
  return (await deps.queue.replacePending([calendarSyncPrefix(group.id)], [spec], now)).added;
}

/** Whether `job` is a reminder whose minute comes before `from`. */
function remindsBefore(job: JobSpec, from: Date | undefined): boolean {
  if (!from || job.kind !== 'reminder') return false;
  const { startsAt, leadMinutes } = job.payload as ReminderPayload;
  return reminderDueAt(new Date(startsAt), leadMinutes).getTime() < from.getTime();
}

/**
 * Groups planned at once. Each group's plan is a chain of small statements that wait on the
 * database more than on the CPU: on PostgreSQL a chain is network round trips and a commit
 * (an fsync) per write, so planning one group at a time leaves both idle between them; a few
 * chains side by side overlap their waits and share their commits. Groups touch disjoint keys
 * (every replica already plans all of them at once), so their order does not matter. Below
 * the PostgreSQL pool's 10 connections, so a command's query never waits behind a plan.
 */
const PLAN_CONCURRENCY = 6;

/**
 * Runs `each` over `items`, at most `limit` at a time. A failure stops its lane (as it stopped
 * the one loop before); the others finish, and then the first failure is thrown.
 */
async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  each: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await each(items[next++]!);
  };
  const lanes = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, lane));
  const failed = lanes.find((l) => l.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Plans every group and the weekly digest, then queues the hourly housekeeping (the key keeps
 * it to one, on any replica).
 */
export async function planAll(deps: PlanDeps): Promise<void> {
  const groups = deps.groups.all();
  const since = new Date(deps.clock.now().getTime() - HEAL_WINDOW_MS).toISOString();
  const [records, actionItems] = await Promise.all([
    deps.records.groupsRecordedSince(since),
    deps.actionItems.groupsWithOpenSince(since),
  ]);
  const batch: PlanBatch = { handOvers: handOverTimes(deps, groups), recent: { records, actionItems } };
  const planned: { group: ResolvedGroup; planned: Awaited<ReturnType<typeof planGroupJobs>> }[] = [];
  await forEachConcurrently(groups, PLAN_CONCURRENCY, async (group) => {
    planned.push({ group, planned: await planGroupJobs(deps, group, batch) });
  });
  // One look at every reminder Slack holds, after the last group's meetings were synced (so
  // never older than the plan it is held against), instead of one look per group.
  const now = deps.clock.now();
  const handedOver = reminderKeysByGroup(
    (await deps.reminderDeliveries.scheduledAfter(REMINDER_PREFIX, now)).map((r) => r.key),
  );
  for (const { group, planned: p } of planned) {
    const remindersWithdrawn = await withdrawHandedOver(
      deps,
      group,
      p.goingAhead,
      now,
      handedOver.get(group.id) ?? [],
    );
    deps.log.info({ group: group.id, ...p.result, remindersWithdrawn }, 'planned');
  }
  const digest = await planDigest(deps);
  if (digest.digestPlanned || digest.digestJobsCancelled > 0) deps.log.info(digest, 'digest planned');
  await deps.queue.enqueue([retentionJobSpec(now)], now);
}

/**
 * Across every group, the reminders in the horizon (as the groups file plans them: a meeting
 * cancelled in Slack only leaves its minute emptier) spread under the call budget. Only
 * planAll sees every group; a single group re-planned after a command keeps the times its
 * jobs were given here (enqueue leaves a pending job as it is).
 */
function handOverTimes(deps: PlanDeps, groups: readonly ResolvedGroup[]): HandOverTimes {
  if (deps.slackCallsPerMinute === undefined) return new Map();
  const now = deps.clock.now();
  const to = new Date(now.getTime() + PLAN_HORIZON_DAYS * DAY_MS);
  const reminders = groups.flatMap((group) =>
    occurrencesBetween(group, now, to)
      .filter((o) => !o.cancelled)
      .flatMap((o) => reminderJobs(group.id, o.startsAt, group.reminderLeadMinutes))
      .filter((job) => !remindsBefore(job, deps.remindersFrom))
      .map((job) => ({
        key: job.key,
        dueAt: reminderDueAt(new Date(job.payload.startsAt), job.payload.leadMinutes),
      })),
  );
  return spreadHandOvers(reminders, handOversPerMinute(deps.slackCallsPerMinute));
}

/**
 * A group removed from the groups file: its pending reminders and minutes jobs are dropped,
 * and a reminder Slack already holds is taken back.
 */
export async function forgetGroup(deps: PlanDeps, group: ResolvedGroup): Promise<number> {
  const now = deps.clock.now();
  const cancelled = await deps.queue.cancelPending(
    [...groupJobPrefixes(group.id), githubAgendaSyncPrefix(group.id)],
    new Set(),
    now,
  );
  const remindersWithdrawn = await withdrawHandedOver(deps, group, new Set(), now);
  // The sync finds the group gone and deletes gavel's events of it (only those).
  if (deps.calendar) {
    await deps.queue.replacePending(
      [calendarSyncPrefix(group.id)],
      [calendarSyncJobSpec(group.id, [], now)],
      now,
    );
  }
  deps.log.info({ group: group.id, jobsCancelled: cancelled, remindersWithdrawn }, 'group removed');
  return cancelled;
}
