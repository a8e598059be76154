import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import type { Clock } from './core/clock.js';
import type { GroupDirectory } from './core/groupDirectory.js';
import type { MinutesDocs } from './core/minutes/minutesDocs.js';
import type { ActionItemRepository } from './core/ports/actionItemRepository.js';
import type { AgendaRepository } from './core/ports/agendaRepository.js';
import type { JobQueue } from './core/ports/jobQueue.js';
import type { ReminderDeliveries } from './core/ports/reminderDeliveries.js';
import type { SlackEventLog } from './core/ports/slackEventLog.js';
import type { SlackWorkspace } from './core/ports/slackWorkspace.js';
import type { OccurrenceRepository } from './core/ports/occurrenceRepository.js';
import type { IssueTracker } from './core/todo/issueTracker.js';
import type { Logger } from './log/logger.js';
import type { Dialect } from './store/openDatabase.js';
import type { Database } from './store/schema.js';

/**
 * Everything listeners and jobs need, built once by the composition root (gavel.ts) and
 * passed down: no module-level clients, no globals.
 */
export interface Services {
  readonly clock: Clock;
  readonly groups: GroupDirectory;
  readonly log: Logger;
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  readonly queue: JobQueue;
  readonly occurrences: OccurrenceRepository;
  readonly agenda: AgendaRepository;
  readonly actionItems: ActionItemRepository;
  /** Slack event ids already handled: Slack retries, Bolt does not de-duplicate. */
  readonly events: SlackEventLog;
  /** Each reminder's hand-over to Slack, recorded before and after the call. */
  readonly reminderDeliveries: ReminderDeliveries;
  /** GitHub, when GITHUB_TOKEN or a GitHub App is configured: action items become issues. */
  readonly github?: IssueTracker;
  /** The bot's Web API client (jobs post with it; listeners may use Bolt's `client`). */
  readonly slack: WebClient;
  /** The Slack workspace behind its port: how use cases and jobs post, schedule and look people up. */
  readonly workspace: SlackWorkspace;
  /** Google Drive and Docs for meeting minutes; absent when Google is not configured. */
  readonly minutes?: MinutesDocs;
  /** Re-plans one group's occurrences and reminder jobs now (after a `/meeting` change). */
  replan(groupId: string): Promise<void>;
}
