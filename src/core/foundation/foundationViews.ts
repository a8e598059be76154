import type { GroupLinks } from '../group.js';

/**
 * What the public pages show, gathered by the foundation use cases: only what the groups file
 * and the meeting record make public (names, not Slack user ids; no tokens or row ids).
 */

export interface MeetingView {
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly title: string;
  readonly joinUrl: string | undefined;
}

export interface CancelledMeetingView {
  readonly startsAt: Date;
  readonly title: string;
  /** Why or by whom, when gavel knows. */
  readonly reason: string | undefined;
}

/** A lead as the public sees them: their GitHub login, else their Slack display name. */
export type LeadView =
  | { readonly kind: 'github'; readonly login: string }
  | { readonly kind: 'slack'; readonly name: string }
  | { readonly kind: 'unnamed' };

export interface GroupSummaryView {
  readonly id: string;
  readonly name: string;
  readonly description: string | undefined;
  /** `#serverless`. */
  readonly channel: string;
  readonly timeZone: string;
  readonly next: MeetingView | undefined;
  /** Meetings before the next (or in the coming weeks) that the groups file cancels, with why. */
  readonly skipped?: readonly SkippedMeetingView[];
}

export interface SkippedMeetingView {
  readonly startsAt: Date;
  readonly reason: string | undefined;
}

export interface LastMeetingView {
  readonly startsAt: Date;
  readonly title: string;
  readonly minutesUrl: string | undefined;
  readonly recordingUrl: string | undefined;
  /** Decisions in the order made, their text already free of Slack markup. */
  readonly decisions: readonly { readonly number: number; readonly text: string }[];
}

/** The group's feed, and the two ways calendar apps subscribe to it. */
export interface FeedLinks {
  readonly https: string;
  readonly webcal: string;
  readonly google: string;
}

export interface GroupPageView extends GroupSummaryView {
  readonly leads: readonly LeadView[];
  readonly links: GroupLinks;
  readonly upcoming: readonly MeetingView[];
  readonly cancelled: readonly CancelledMeetingView[];
  readonly last: LastMeetingView | undefined;
  readonly feed: FeedLinks;
}

/** `webcal://` for Apple Calendar and Outlook, Google Calendar's "add by URL". */
export function feedLinks(feedUrl: string): FeedLinks {
  const webcal = feedUrl.replace(/^https?:\/\//, 'webcal://');
  return {
    https: feedUrl,
    webcal,
    google: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`,
  };
}
