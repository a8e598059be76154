import type { GroupId, SlackUserId } from '../ids.js';
import type {
  Absence,
  Attendance,
  Decision,
  DecisionId,
  IssueReference,
  Recording,
} from '../model/meetingRecord.js';

/** Attendance, absences, decisions and recordings, on either engine. Never pruned. */
export interface MeetingRecordRepository {
  /**
   * Records each person as present at the meeting; someone already recorded stays as they
   * were (checking in twice changes nothing). Returns the people newly recorded, in order.
   */
  checkIn(
    groupId: GroupId,
    meetingStartsAt: string,
    userIds: readonly SlackUserId[],
    recordedBy: SlackUserId,
    now: Date,
  ): Promise<SlackUserId[]>;
  /** The meeting's attendees, in the order they checked in. */
  attendees(groupId: GroupId, meetingStartsAt: string): Promise<Attendance[]>;
  /** Attendance at any of these meetings (for the voting rule). */
  attendanceAt(groupId: GroupId, meetingStartsAts: readonly string[]): Promise<Attendance[]>;
  /** Records a leave of absence; false when it was recorded already. */
  recordAbsence(
    groupId: GroupId,
    meetingStartsAt: string,
    userId: SlackUserId,
    recordedBy: SlackUserId,
    now: Date,
  ): Promise<boolean>;
  absencesAt(groupId: GroupId, meetingStartsAts: readonly string[]): Promise<Absence[]>;

  /** Records a decision of the meeting, numbered next in its group, in one statement. */
  addDecision(
    decision: {
      readonly groupId: GroupId;
      readonly meetingStartsAt: string;
      readonly text: string;
      readonly authorId: SlackUserId;
      readonly reference: IssueReference | null;
    },
    now: Date,
  ): Promise<Decision>;
  decisionById(id: DecisionId): Promise<Decision | undefined>;
  /** The meeting's decisions, in the order they were made. */
  decisionsOf(groupId: GroupId, meetingStartsAt: string): Promise<Decision[]>;
  /**
   * The group's decisions whose text contains every word (case-insensitive; an empty list
   * matches all), newest first, at most `limit`.
   */
  searchDecisions(groupId: GroupId, words: readonly string[], limit: number): Promise<Decision[]>;
  /** Every decision of the group, oldest first (for its published index). */
  allDecisions(groupId: GroupId): Promise<Decision[]>;

  /** Sets (or replaces) the meeting's recording link. */
  setRecording(
    groupId: GroupId,
    meetingStartsAt: string,
    url: string,
    recordedBy: SlackUserId,
    now: Date,
  ): Promise<Recording>;
  recording(groupId: GroupId, meetingStartsAt: string): Promise<Recording | undefined>;
  /** The recordings of these meetings (for the calendar feed and the Home tab). */
  recordingsOf(groupId: GroupId, meetingStartsAts: readonly string[]): Promise<Recording[]>;

  /**
   * What was recorded at or after `since` (ISO UTC): the check-ins, decisions and recording
   * links whose follow-ups the planner makes sure are queued.
   */
  recordedSince(groupId: GroupId, since: string): Promise<RecentRecord>;
  /** The groups that recorded anything at or after `since`: the planner reads only theirs. */
  groupsRecordedSince(since: string): Promise<Set<string>>;
}

export interface RecentRecord {
  readonly attendance: readonly Attendance[];
  readonly decisions: readonly Decision[];
  readonly recordings: readonly Recording[];
}
