import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JobStatus } from '../core/model/job.js';
import type { JobCount } from '../core/ports/jobQueue.js';
import type { Log } from '../core/ports/log.js';
import type {
  CallOutcome,
  JobOutcome,
  ReminderHandOver,
  RemoteService,
  Telemetry,
} from '../core/ports/telemetry.js';

/** The job states worth watching: work waiting, work in hand, and work given up on. */
const WATCHED_STATES: readonly JobStatus[] = ['pending', 'running', 'failed'];
const SERVICES: readonly RemoteService[] = ['slack', 'github', 'google'];
const OUTCOMES: readonly CallOutcome[] = ['ok', 'error', '429', 'timeout'];
const HAND_OVERS: readonly ReminderHandOver[] = ['handed_over', 'posted'];
/** Label value for a job kind or command outside the known set: the series stay bounded. */
export const OTHER = 'other';

export interface KnownLabels {
  /** The job kinds gavel has handlers for. */
  readonly jobKinds: readonly string[];
  /** The slash commands gavel registered. */
  readonly commands: readonly string[];
  /** The queue's counts, read at each scrape. */
  readonly jobCounts: (statuses: readonly JobStatus[]) => Promise<readonly JobCount[]>;
}

export interface PrometheusMetrics {
  readonly telemetry: Telemetry;
  /** Once the drivers are wired: which labels exist, and where the job counts come from. */
  know(labels: KnownLabels): void;
  /** The exposition: every metric in Prometheus' text format. */
  scrape(): Promise<{ readonly contentType: string; readonly body: string }>;
}

/**
 * gavel's metrics on a registry of their own (never prom-client's global one: tests run
 * several apps in one process), with the process metrics prom-client collects by default.
 */
export function prometheusMetrics(log: Log): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let known: KnownLabels | undefined;
  let kinds = new Set<string>();
  let commands = new Set<string>();
  const bounded = (value: string, set: ReadonlySet<string>) => (set.has(value) ? value : OTHER);

  new Gauge({
    name: 'gavel_jobs',
    help: 'Jobs in the queue by kind and state (pending, running, failed), read from the database at scrape time',
    labelNames: ['kind', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      if (!known) return;
      let counts: readonly JobCount[];
      try {
        counts = await known.jobCounts(WATCHED_STATES);
      } catch (error) {
        // The scrape still answers; the gap in this series (and the error counter) tell.
        log.warn({ err: error }, 'counting jobs for the metrics failed');
        return;
      }
      for (const kind of [...kinds, OTHER]) {
        for (const state of WATCHED_STATES) this.set({ kind, state }, 0);
      }
      for (const c of counts) this.inc({ kind: bounded(c.kind, kinds), state: c.status }, c.count);
    },
  });
  const dueToDone = new Histogram({
    name: 'gavel_job_due_to_done_seconds',
    help: 'From a job being due (run_at) to its run being done, by kind',
    labelNames: ['kind'],
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600],
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'gavel_job_runs_total',
    help: 'Job runs by kind and outcome (done, retrying, failed)',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  const reminders = new Counter({
    name: 'gavel_reminders_total',
    help: 'Reminders handed over to Slack to post at their time (handed_over), or posted at once (posted)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const remoteCalls = new Counter({
    name: 'gavel_remote_calls_total',
    help: 'HTTP calls to Slack, GitHub and Google (each retry counts) by outcome: ok, error, 429, timeout',
    labelNames: ['service', 'outcome'],
    registers: [registry],
  });
  const acks = new Histogram({
    name: 'gavel_command_ack_seconds',
    help: 'Slash command acks by command: from the listener starting to its ack (_count: acks)',
    labelNames: ['command'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers: [registry],
  });
  const databaseErrors = new Counter({
    name: 'gavel_database_errors_total',
    help: 'Database statements that failed (unique-key conflicts the stores resolve are not counted)',
    registers: [registry],
  });
  for (const service of SERVICES) for (const outcome of OUTCOMES) remoteCalls.inc({ service, outcome }, 0);
  for (const outcome of HAND_OVERS) reminders.inc({ outcome }, 0);

  const telemetry: Telemetry = {
    jobFinished(kind: string, outcome: JobOutcome, seconds: number) {
      const label = bounded(kind, kinds);
      jobRuns.inc({ kind: label, outcome });
      if (outcome === 'done') dueToDone.observe({ kind: label }, Math.max(0, seconds));
    },
    reminderDelivered: (outcome) => reminders.inc({ outcome }),
    remoteCall: (service, outcome) => remoteCalls.inc({ service, outcome }),
    commandAcked: (command, seconds) => acks.observe({ command: bounded(command, commands) }, seconds),
    databaseError: () => databaseErrors.inc(),
  };

  return {
    telemetry,
    know(labels) {
      known = labels;
      kinds = new Set(labels.jobKinds);
      commands = new Set(labels.commands);
      for (const command of commands) acks.zero({ command });
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
