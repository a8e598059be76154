import type { Occurrence } from '../../store/schema.js';

/** An occurrence as the schedule computes it from groups.yml. */
export interface PlannedOccurrenceRow {
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly localDate: string;
  readonly title: string;
  readonly source: 'rule' | 'extra';
  readonly ruleId: string | null;
  readonly joinUrl: string | undefined;
  readonly dialIn: string | undefined;
  /** Cancelled in groups.yml. */
  readonly cancelled: boolean;
}

export interface OccurrenceRepository {
  /**
   * Makes the stored occurrences of [from, to) match the plan: adds new ones, updates titles
   * and links, applies groups.yml cancellations (and undoes ones the file no longer makes),
   * and cancels planned occurrences that the file no longer produces. Cancellations made in
   * Slack stay. Returns the group's occurrences in the window after the sync.
   */
  sync(
    groupId: string,
    planned: readonly PlannedOccurrenceRow[],
    from: Date,
    to: Date,
    now: Date,
  ): Promise<Occurrence[]>;
  find(groupId: string, startsAt: string): Promise<Occurrence | undefined>;
  /** The first scheduled occurrence starting after `after`. */
  next(groupId: string, after: Date): Promise<Occurrence | undefined>;
  onDate(groupId: string, localDate: string): Promise<Occurrence[]>;
  between(groupId: string, from: Date, to: Date): Promise<Occurrence[]>;
  /** A one-off meeting from `/meeting add`; undefined if one already starts at that instant. */
  add(
    row: {
      groupId: string;
      startsAt: Date;
      endsAt: Date;
      localDate: string;
      title: string;
      joinUrl: string | undefined;
      dialIn: string | undefined;
    },
    now: Date,
  ): Promise<Occurrence | undefined>;
  setCancelled(id: number, cancelledBy: string | null, now: Date): Promise<Occurrence>;
  setMinutes(id: number, docId: string, url: string, now: Date): Promise<void>;
}
