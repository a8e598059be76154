import type { GroupId, SlackUserId } from '../ids.js';
import type { AgendaItem, AgendaItemId, AgendaItemStatus, GithubAgendaRef } from '../model/agendaItem.js';

export interface NewAgendaItem {
  readonly groupId: GroupId;
  /** The meeting it belongs to: the occurrence's startsAt. */
  readonly meetingStartsAt: string;
  readonly topic: string;
  readonly details: string | null;
  readonly authorId: SlackUserId;
  readonly timeboxMinutes?: number | null;
}

/** A labelled issue or pull request, as the agenda should show it. */
export interface GithubAgendaItem {
  readonly groupId: GroupId;
  /** The meeting a new item goes on; an item already open for the issue stays where it is. */
  readonly meetingStartsAt: string;
  /** Its title. */
  readonly topic: string;
  readonly authorId: SlackUserId | null;
  readonly github: GithubAgendaRef;
}

/** An item added to the meeting at hand, and that meeting's start and end (ISO UTC). */
export interface AddedAtHand {
  readonly item: AgendaItem;
  readonly meeting: { readonly startsAt: string; readonly endsAt: string };
}

export type GithubUpsert = 'added' | 'updated' | 'unchanged';

/**
 * Agenda items, numbered 1, 2, 3 … per meeting. Every operation that gives an item a number
 * (add, move, roll over) takes the next free one atomically: concurrent callers, on one
 * process or many, never get the same number and never lose an item.
 */
export interface AgendaRepository {
  /** The meeting's items that are still to be discussed, in the order of discussion. */
  openForMeeting(groupId: GroupId, meetingStartsAt: string): Promise<AgendaItem[]>;
  /** Every item of the meeting (open, covered, dropped), in the order of discussion. */
  forMeeting(groupId: GroupId, meetingStartsAt: string): Promise<AgendaItem[]>;
  /** The group's open items added or moved (onto any meeting) at or after `since`, ISO UTC. */
  openChangedSince(groupId: GroupId, since: string): Promise<AgendaItem[]>;
  byNumber(groupId: GroupId, meetingStartsAt: string, number: number): Promise<AgendaItem | undefined>;
  byId(id: AgendaItemId): Promise<AgendaItem | undefined>;
  /** Adds an open item after the meeting's last one. */
  add(item: NewAgendaItem, now: Date): Promise<AgendaItem>;
  /**
   * Adds an open item to the group's meeting at hand: the scheduled meeting in progress at
   * `now`, else the first scheduled one starting after `now` and before `before` (what
   * chooseMeeting picks for an add without a date), choosing and numbering in one step, so
   * the path that must ack fast makes one round trip. Undefined when there is none, or the
   * meeting was cancelled while this was written: the caller then asks the long way, which
   * also says why.
   */
  addToMeetingAtHand(
    item: Omit<NewAgendaItem, 'meetingStartsAt'>,
    now: Date,
    before: Date,
  ): Promise<AddedAtHand | undefined>;
  /** Deletes the item; false if it was already gone. */
  remove(id: AgendaItemId): Promise<boolean>;
  /** Moves the item to another meeting, numbered after that meeting's items. */
  move(id: AgendaItemId, toMeetingStartsAt: string, now: Date): Promise<AgendaItem>;
  setStatus(id: AgendaItemId, status: AgendaItemStatus, now: Date): Promise<AgendaItem>;
  /**
   * Puts the meeting's open items in the order of `numbers` (every open item's number once):
   * they take the places open items hold now, so covered items stay where they were. False,
   * changing nothing, when the open items are no longer exactly those (someone added or
   * removed one meanwhile).
   */
  reorder(groupId: GroupId, meetingStartsAt: string, numbers: readonly number[], now: Date): Promise<boolean>;
  /**
   * Moves the open items of `fromMeetingStartsAt` to `toMeetingStartsAt`, in their order,
   * numbered after the target's items; `rolledFrom` keeps the meeting each item was first
   * put on. Returns the moved items. Running it again moves nothing.
   */
  rollOver(
    groupId: GroupId,
    fromMeetingStartsAt: string,
    toMeetingStartsAt: string,
    now: Date,
  ): Promise<AgendaItem[]>;
  /** Marks the meeting's open items dropped; returns how many. Running it again drops nothing. */
  dropOpen(groupId: GroupId, meetingStartsAt: string, now: Date): Promise<number>;
  /** The group's open GitHub items, on any meeting, by id. */
  openFromGithub(groupId: GroupId): Promise<AgendaItem[]>;
  /**
   * The open item brought up to date (title, author, link), or added after the
   * meeting's last item when it has none. Idempotent, and safe against a concurrent call for
   * the same issue: there is never more than one open item per issue and group.
   */
  upsertFromGithub(item: GithubAgendaItem, now: Date): Promise<{ item: AgendaItem; change: GithubUpsert }>;
  /** Deletes the open item (covered and dropped ones stay); the one deleted, if any. */
  removeFromGithub(groupId: GroupId, repo: string, number: number): Promise<AgendaItem | undefined>;
}
