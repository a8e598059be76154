import type { Clock } from './core/clock.js';
import type { GroupDirectory } from './core/groupDirectory.js';
import type { DigestSource } from './core/digest/digestSettings.js';
import type { MinutesDocs } from './core/ports/minutesDocs.js';
import type { ActionItemRepository } from './core/ports/actionItemRepository.js';
import type { AgendaRepository } from './core/ports/agendaRepository.js';
import type { JobQueue } from './core/ports/jobQueue.js';
import type { ReminderDeliveries } from './core/ports/reminderDeliveries.js';
import type { SlackEventLog } from './core/ports/slackEventLog.js';
import type { SlackWorkspace } from './core/ports/slackWorkspace.js';
import type { OccurrenceRepository } from './core/ports/occurrenceRepository.js';
import type { IssueTracker } from './core/ports/issueTracker.js';
import type { IssueSearch } from './core/ports/issueSearch.js';
import type { AgendaCountRepository } from './core/ports/agendaCountRepository.js';
import type { RepositoryArchive } from './core/ports/repositoryArchive.js';
import type { LabelledIssues } from './core/ports/labelledIssues.js';
import type { Log } from './core/ports/log.js';
import type { MeetingRecordRepository } from './core/ports/meetingRecordRepository.js';
import type { EffectLedger } from './core/ports/effectLedger.js';
import type { Telemetry } from './core/ports/telemetry.js';
import type { SharedCalendar } from './core/ports/sharedCalendar.js';
import type { AudienceZones } from './usecases/dst/audienceZones.js';

/**
 * Every port's adapter, built once by the composition root (compose/buildServices.ts). Only
 * the root sees the whole bag: compose/ hands each driver the few ports its use cases take.
 */
export interface Services {
  readonly clock: Clock;
  readonly groups: GroupDirectory;
  /** The weekly digest's setting (groups file `digest:`), its channel resolved; none when off. */
  readonly digest: DigestSource;
  readonly log: Log;
  /** Counts and timings for the operators' metrics (a no-op unless METRICS=on). */
  readonly telemetry: Telemetry;
  readonly queue: JobQueue;
  readonly occurrences: OccurrenceRepository;
  readonly agenda: AgendaRepository;
  readonly actionItems: ActionItemRepository;
  /** Slack event ids already handled: Slack retries, Bolt does not de-duplicate. */
  readonly events: SlackEventLog;
  /** Each reminder's hand-over to Slack, recorded before and after the call. */
  readonly reminderDeliveries: ReminderDeliveries;
  /** Attendance, absences, decisions and recordings: the group's governance record. */
  readonly records: MeetingRecordRepository;
  /** Slack posts and GitHub comments, recorded before and after they are made. */
  readonly effects: EffectLedger;
  /** GitHub, when GITHUB_TOKEN or a GitHub App is configured: action items become issues. */
  readonly github?: IssueTracker;
  /** The same GitHub access, for counting the searches of the groups' `agenda.counts`. */
  readonly search?: IssueSearch;
  /** The last totals of those counts. */
  readonly agendaCounts: AgendaCountRepository;
  /** The same GitHub access, for publishing meetings to their groups' repositories. */
  readonly archive?: RepositoryArchive;
  /** The same GitHub access, for the issues and pull requests labelled for an agenda. */
  readonly labelledIssues?: LabelledIssues;
  /** The Slack workspace behind its port: how use cases and jobs post, schedule and look people up. */
  readonly workspace: SlackWorkspace;
  /** Where each group's people are (its file's zones and its members'), cached: DST notices. */
  readonly audience?: AudienceZones;
  /** Google Drive and Docs for meeting minutes; absent when Google is not configured. */
  readonly minutes?: MinutesDocs;
  /** The shared Google Calendar (GOOGLE_CALENDAR_ID) kept in step with the plan; absent when unset. */
  readonly calendar?: SharedCalendar;
  /** Re-plans one group's occurrences and reminder jobs now (after a `/meeting` change). */
  replan(groupId: string): Promise<void>;
}
