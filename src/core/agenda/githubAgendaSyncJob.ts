import { MINUTE_MS } from '../duration.js';
import { MINUTES_JOB } from '../minutes/minutesJobPlan.js';
import type { JobSpec } from '../ports/jobQueue.js';

export const GITHUB_AGENDA_SYNC_JOB = 'agenda-github-sync';

export interface GithubAgendaSyncPayload {
  readonly groupId: string;
}

/** Every sync job of a group starts with this (the planner cancels by it). */
export const githubAgendaSyncPrefix = (groupId: string): string => `${GITHUB_AGENDA_SYNC_JOB}:${groupId}:`;

/** How long before a reminder or a minutes doc its sync runs: time for a retry or two. */
export const SYNC_AHEAD_MS = 5 * MINUTE_MS;

const spec = (groupId: string, suffix: string, runAt: Date): JobSpec => ({
  key: `${githubAgendaSyncPrefix(groupId)}${suffix}`,
  kind: GITHUB_AGENDA_SYNC_JOB,
  runAt,
  payload: { groupId } satisfies GithubAgendaSyncPayload,
});

/**
 * The syncs of a group's GitHub agenda items: one per hour (a webhook delivery can be lost,
 * and without a webhook this is how labels arrive; the planner runs at start and hourly, the
 * key keeps it to one), and one before each reminder and minutes doc among `jobs`, so what
 * they show is what GitHub says. Keys are natural: planning again adds nothing.
 */
export function githubAgendaSyncJobs(groupId: string, jobs: readonly JobSpec[], now: Date): JobSpec[] {
  const before = jobs
    .filter((j) => j.kind === 'reminder' || j.kind === MINUTES_JOB)
    .map((j) => spec(groupId, `before:${j.key}`, new Date(j.runAt.getTime() - SYNC_AHEAD_MS)));
  return [spec(groupId, `hour:${now.toISOString().slice(0, 13)}`, now), ...before];
}
