import type { Brand, GroupId, SlackUserId } from '../ids.js';

export type AgendaItemId = Brand<number, 'AgendaItemId'>;
export type AgendaItemStatus = 'open' | 'covered' | 'dropped';

/** What a GitHub-labelled item stands for: an issue or a pull request. */
export type GithubItemKind = 'issue' | 'pull-request';

/**
 * The GitHub issue or pull request an item is on the agenda for (it carries the group's
 * agenda label). Its title is the item's topic.
 */
export interface GithubAgendaRef {
  /** `owner/name`, lowercase: GitHub's names are case-insensitive, so this is the key. */
  readonly repo: string;
  readonly number: number;
  readonly kind: GithubItemKind;
  /** Its page on GitHub. */
  readonly url: string;
  /** Who opened it, on GitHub. */
  readonly login: string;
}

/** A topic on one meeting's agenda, numbered 1, 2, 3 … per meeting. */
export interface AgendaItem {
  readonly id: AgendaItemId;
  readonly groupId: GroupId;
  /** The meeting it belongs to: its occurrence's `startsAt`. */
  readonly meetingStartsAt: string;
  readonly number: number;
  readonly topic: string;
  readonly details: string | null;
  /**
   * Who put it there; for a GitHub item, the Slack user its author's login maps to
   * (`github_logins`), null when nobody does.
   */
  readonly authorId: SlackUserId | null;
  readonly status: AgendaItemStatus;
  /** The meeting it was first put on, when it rolled over from there. */
  readonly rolledFrom: string | null;
  /** Set when the item is on the agenda because its issue or pull request is labelled. */
  readonly github: GithubAgendaRef | null;
  /** How many minutes the group means to give it (1–240), if said. */
  readonly timeboxMinutes: number | null;
  /**
   * Its place in the order of discussion: lists, reminders and the doc sort by it. Equal to
   * the number until a lead reorders the agenda (the meeting's positions stay a permutation
   * of its numbers, so a new item, numbered last, also comes last).
   */
  readonly position: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** An id read back from a button or form this app made. */
export const agendaItemId = (n: number) => n as AgendaItemId;
