import type { AgendaItem } from '../../store/schema.js';

export interface NewAgendaItem {
  readonly groupId: string;
  /** The meeting it belongs to: the occurrence's starts_at. */
  readonly meetingStartsAt: string;
  readonly topic: string;
  readonly details: string | null;
  readonly authorId: string;
}

/**
 * Agenda items, numbered 1, 2, 3 … per meeting. Every operation that gives an item a number
 * (add, move, roll over) takes the next free one atomically: concurrent callers, on one
 * process or many, never get the same number and never lose an item.
 */
export interface AgendaRepository {
  /** The meeting's items that are still to be discussed, by number. */
  openForMeeting(groupId: string, meetingStartsAt: string): Promise<AgendaItem[]>;
  /** Every item of the meeting (open, covered, dropped), by number. */
  forMeeting(groupId: string, meetingStartsAt: string): Promise<AgendaItem[]>;
  byNumber(groupId: string, meetingStartsAt: string, number: number): Promise<AgendaItem | undefined>;
  byId(id: number): Promise<AgendaItem | undefined>;
  /** Adds an open item after the meeting's last one. */
  add(item: NewAgendaItem, now: Date): Promise<AgendaItem>;
  /** Deletes the item; false if it was already gone. */
  remove(id: number): Promise<boolean>;
  /** Moves the item to another meeting, numbered after that meeting's items. */
  move(id: number, toMeetingStartsAt: string, now: Date): Promise<AgendaItem>;
  setStatus(id: number, status: AgendaItem['status'], now: Date): Promise<AgendaItem>;
  /**
   * Moves the open items of `fromMeetingStartsAt` to `toMeetingStartsAt`, in their order,
   * numbered after the target's items; `rolled_from` keeps the meeting each item was first
   * put on. Returns the moved items. Running it again moves nothing.
   */
  rollOver(
    groupId: string,
    fromMeetingStartsAt: string,
    toMeetingStartsAt: string,
    now: Date,
  ): Promise<AgendaItem[]>;
  /** Marks the meeting's open items dropped; returns how many. Running it again drops nothing. */
  dropOpen(groupId: string, meetingStartsAt: string, now: Date): Promise<number>;
}
