import type { Clock } from '../../core/clock.js';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { ActionItemRepository } from '../../core/ports/actionItemRepository.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import type { EffectLedger } from '../../core/ports/effectLedger.js';
import type { IssueTracker } from '../../core/ports/issueTracker.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { MeetingRecordRepository } from '../../core/ports/meetingRecordRepository.js';
import type { MinutesDocs } from '../../core/ports/minutesDocs.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';
import type { KeyedSerial } from '../minutes/keyedSerial.js';

/** Every port the meeting record's use cases take; each use case picks the few it needs. */
export interface RecordDeps {
  readonly clock: Clock;
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly occurrences: Pick<OccurrenceRepository, 'find' | 'between' | 'onDate' | 'next'>;
  readonly records: MeetingRecordRepository;
  readonly effects: EffectLedger;
  readonly workspace: SlackWorkspace;
  readonly queue: Pick<JobQueue, 'enqueue'>;
  readonly agenda: Pick<AgendaRepository, 'openForMeeting' | 'forMeeting'>;
  readonly actionItems: Pick<ActionItemRepository, 'list'>;
  /** Absent when GitHub is not configured. */
  readonly github?: IssueTracker | undefined;
  /** Absent when Google is not configured. */
  readonly minutes?: MinutesDocs | undefined;
  /** Shared with every other writer of minutes docs in this process. */
  readonly serial: KeyedSerial;
}
