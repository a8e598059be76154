import type { CustomRoute } from '@slack/bolt';
import type { AppConfig } from '../config/env.js';
import { RETENTION_JOB } from '../core/jobs/retention.js';
import { REMINDER_WITHDRAW_JOB } from '../core/reminder/reminderWithdrawJob.js';
import { calendarRoute } from '../http/calendarRoute.js';
import { combinedCalendarRoute } from '../http/combinedCalendarRoute.js';
import { foundationRoutes } from '../http/foundationRoutes.js';
import { githubWebhookRoute } from '../http/githubWebhookRoute.js';
import { healthRoute } from '../http/healthRoute.js';
import type { JobHandlers } from '../jobs/jobHandler.js';
import { REMINDER_JOB, reminderJob } from '../jobs/reminderJob.js';
import { reminderWithdrawJob } from '../jobs/reminderWithdrawJob.js';
import { retentionJob } from '../jobs/retentionJob.js';
import type { Services } from '../services.js';
import type { SlackApp } from '../slack/createSlackApp.js';
import { registerAppHome } from '../slack/events/appHome.js';
import { wireAgenda } from './agenda.js';
import { bothWebhooks, wireGithubAgenda } from './githubAgenda.js';
import { wireMeeting } from './meeting.js';
import { wireFoundation } from './foundation.js';
import { wireMinutes } from './minutes.js';
import { wireTodo } from './todo.js';
import { wireRecord } from './record.js';
import { wireCalendar } from './calendar.js';
import { keyedSerial } from '../usecases/minutes/keyedSerial.js';
import { createNameCache } from '../usecases/foundation/nameCache.js';

export interface Drivers {
  /** gavel's own HTTP routes beside Slack's endpoint: health, calendar feeds, public pages, GitHub's webhook. */
  readonly routes: CustomRoute[];
  /** Every kind of durable job gavel runs, by kind. */
  readonly jobs: JobHandlers;
  /** Every slash command with the shortcuts, forms and buttons of its feature, and the Home tab. */
  register(slack: SlackApp): void;
}

/** Each driver gets the use cases' ports it needs, picked out of the services here and only here. */
export function wireDrivers(opts: {
  readonly config: AppConfig;
  readonly services: Services;
  readonly ping: () => Promise<boolean>;
}): Drivers {
  const { config, services } = opts;
  const agenda = wireAgenda(services);
  const meeting = wireMeeting(services);
  const foundation = wireFoundation(services);
  // One serial for every writer of minutes docs in this process: their edits never interleave.
  const serial = keyedSerial();
  const minutes = wireMinutes(services, serial);
  const record = wireRecord(services, serial);
  const todo = wireTodo(services);
  const githubAgenda = wireGithubAgenda(services);
  return {
    routes: [
      healthRoute(opts.ping),
      calendarRoute(services, config.publicUrl ? new URL(config.publicUrl).hostname : undefined),
      combinedCalendarRoute(services, config.publicUrl),
      // The public pages; the sandbox's own `/` (a redirect to /sandbox) is registered after and wins.
      ...foundationRoutes(
        { ...services, names: createNameCache(services.workspace, services.clock) },
        config.publicUrl,
      ),
      githubWebhookRoute(
        {
          log: services.log,
          deliver: bothWebhooks(
            (event, payload) => todo.githubWebhook(event, payload),
            (event, payload) => githubAgenda.githubWebhook(event, payload),
          ),
        },
        config.github?.webhookSecret,
      ),
    ],
    jobs: {
      [REMINDER_JOB]: reminderJob(services),
      [REMINDER_WITHDRAW_JOB]: reminderWithdrawJob(services),
      ...agenda.jobs,
      ...githubAgenda.jobs,
      ...meeting.jobs,
      ...minutes.jobs,
      ...todo.jobs,
      ...record.jobs,
      ...foundation.jobs,
      ...wireCalendar(services).jobs,
      [RETENTION_JOB]: retentionJob(services),
    },
    register(slack) {
      agenda.register(slack);
      todo.register(slack);
      meeting.register(slack);
      record.register(slack);
      foundation.register(slack);
      registerAppHome(slack.app, services);
    },
  };
}
