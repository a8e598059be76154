import type { GroupId, LocalDate } from '../ids.js';
import type { Occurrence, OccurrenceId } from '../model/occurrence.js';
import type { PlannedOccurrence } from '../schedule/occurrences.js';

export interface OccurrenceRepository {
  /**
   * Makes the stored occurrences of [from, to) match the plan: adds new ones, updates titles
   * and links, applies groups.yml cancellations (and undoes ones the file no longer makes),
   * and cancels planned occurrences that the file no longer produces. Cancellations made in
   * Slack stay. Returns the group's occurrences in the window after the sync.
   */
  sync(
    groupId: GroupId,
    planned: readonly PlannedOccurrence[],
    from: Date,
    to: Date,
    now: Date,
  ): Promise<Occurrence[]>;
  find(groupId: GroupId, startsAt: string): Promise<Occurrence | undefined>;
  /** The first scheduled occurrence starting after `after`. */
  next(groupId: GroupId, after: Date): Promise<Occurrence | undefined>;
  /**
   * The occurrences that started in the day up to `now` (inclusive, any status) and the first
   * scheduled one after it: what `/agenda add` without a date chooses from. One statement,
   * shared by the lookups for the same group that arrive together.
   */
  startedOrNext(
    groupId: GroupId,
    now: Date,
  ): Promise<{ started: Occurrence[]; next: Occurrence | undefined }>;
  onDate(groupId: GroupId, localDate: LocalDate): Promise<Occurrence[]>;
  between(groupId: GroupId, from: Date, to: Date): Promise<Occurrence[]>;
  /** A one-off meeting from `/meeting add`; undefined if one already starts at that instant. */
  add(
    row: {
      groupId: GroupId;
      startsAt: Date;
      endsAt: Date;
      localDate: LocalDate;
      title: string;
      joinUrl: string | undefined;
      dialIn: string | undefined;
    },
    now: Date,
  ): Promise<Occurrence | undefined>;
  setCancelled(id: OccurrenceId, cancelledBy: string | null, now: Date): Promise<Occurrence>;
  setMinutes(id: OccurrenceId, docId: string, url: string, now: Date): Promise<void>;
}
