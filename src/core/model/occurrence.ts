import type { Brand, GroupId, LocalDate } from '../ids.js';

/** A stored meeting's row id. */
export type OccurrenceId = Brand<number, 'OccurrenceId'>;

/** 'rule' and 'extra' come from the groups file; 'added' from `/meeting add`. */
export type OccurrenceSource = 'rule' | 'extra' | 'added';
export type OccurrenceStatus = 'scheduled' | 'cancelled';

/** The Google doc a meeting's minutes are written in: both halves exist, or neither does. */
export interface MinutesDocRef {
  readonly docId: string;
  readonly url: string;
}

/**
 * One meeting of a group: planned from the groups file, or added in Slack. Instants are UTC
 * ISO strings with milliseconds (`2026-11-26T17:00:00.000Z`); `startsAt` with the group is the
 * meeting's natural key, used in job keys and by agenda and action items.
 */
export interface Occurrence {
  readonly id: OccurrenceId;
  readonly groupId: GroupId;
  readonly startsAt: string;
  readonly endsAt: string;
  /** The date in the group's zone (what `/meeting cancel <date>` names). */
  readonly localDate: LocalDate;
  readonly title: string;
  readonly source: OccurrenceSource;
  readonly ruleId: string | null;
  readonly status: OccurrenceStatus;
  /** Who cancelled it: 'config' (the groups file, undone when the file no longer says so) or a Slack user id. */
  readonly cancelledBy: string | null;
  readonly joinUrl: string | null;
  readonly dialIn: string | null;
  readonly minutes: MinutesDocRef | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}
