import type { VotingRule } from '../group.js';
import type { SlackUserId } from '../ids.js';
import type { IssueReference } from '../model/meetingRecord.js';
import { escapeMrkdwn, escapePlain, mentionUser } from '../mrkdwn.js';
import { githubText } from '../todo/githubText.js';
import { formatReference, referenceUrl } from './issueReference.js';
import type { VoterStanding } from './votingRights.js';
import { clipText, slackLink } from './wrapUpMessage.js';

/**
 * The sentences of the meeting record: replies to `/meeting here`, `/meeting attendance`,
 * `/meeting voters`, `/decision`, and the posts in a meeting's thread. Labels (`the Weekly
 * call of 3 Dec`, a channel link) are made by gavel and used as given; everything a user
 * typed or a groups file named is escaped, so nothing in it pings.
 */

const mentions = (users: readonly SlackUserId[]) => users.map(mentionUser).join(', ');

/**
 * `You're checked in to the Weekly call of 3 Dec.` for oneself; for people a lead checked in,
 * `Checked in to …: <@A>, <@B>. Already checked in: <@C>.`
 */
export function checkedInReply(
  newly: readonly SlackUserId[],
  already: readonly SlackUserId[],
  meetingLabel: string,
  byOther: boolean,
): string {
  const label = escapePlain(meetingLabel);
  if (!byOther) {
    return newly.length > 0 ? `You're checked in to ${label}.` : `You're already checked in to ${label}.`;
  }
  const sentences = [
    newly.length > 0 ? `Checked in to ${label}: ${mentions(newly)}.` : undefined,
    already.length > 0
      ? `${newly.length > 0 ? 'Already checked in' : `Already checked in to ${label}`}: ${mentions(already)}.`
      : undefined,
  ].filter((s) => s !== undefined);
  return sentences.length > 0 ? sentences.join(' ') : `Nobody to check in to ${label}.`;
}

const NO_ORGANISATION = '(no organisation)';

export interface AttendanceInput {
  readonly meetingLabel: string;
  readonly attendees: readonly { readonly userId: SlackUserId; readonly organization: string | undefined }[];
  /** Who is on leave for the meeting. */
  readonly absent: readonly SlackUserId[];
}

/**
 * Who came, grouped by organisation with a count each (the unit a vote is counted in),
 * largest first; people without one under `(no organisation)`, last.
 */
export function attendanceReply(input: AttendanceInput): string {
  const label = escapePlain(input.meetingLabel);
  const onLeave = input.absent.length > 0 ? `\nOn leave: ${mentions(input.absent)}` : '';
  if (input.attendees.length === 0) return `Nobody has checked in to ${label} yet.${onLeave}`;
  const lines = byOrganisation(input.attendees).map(
    ([org, users]) =>
      `${org === undefined ? NO_ORGANISATION : escapePlain(org)} — ${users.length}: ${mentions(users)}`,
  );
  return `*Present at ${label}: ${input.attendees.length}*\n${lines.join('\n')}${onLeave}`;
}

function byOrganisation(attendees: AttendanceInput['attendees']): [string | undefined, SlackUserId[]][] {
  const groups = new Map<string | undefined, SlackUserId[]>();
  for (const a of attendees) groups.set(a.organization, [...(groups.get(a.organization) ?? []), a.userId]);
  const rank = ([org, users]: [string | undefined, SlackUserId[]]) => (org === undefined ? -1 : users.length);
  return [...groups].sort((a, b) => rank(b) - rank(a) || (a[0] ?? '').localeCompare(b[0] ?? ''));
}

export interface VotersInput {
  readonly groupName: string;
  readonly nextMeetingLabel: string;
  readonly rule: VotingRule;
  readonly standings: readonly VoterStanding[];
}

/** The rule in one line, as the governance document would say it. */
export const votingRuleText = (rule: VotingRule): string =>
  `A vote per ${rule.per === 'organization' ? 'organisation that' : 'person who'} attended ${rule.attended} of the last ${rule.ofLast} meetings; a leave of absence does not count against it.`;

/** Who votes at the next meeting and who does not, each with the attendance that decided it. */
export function votersReply(input: VotersInput): string {
  const head = `*Voting at ${escapePlain(input.groupName)}, ${escapePlain(input.nextMeetingLabel)}*\n${votingRuleText(input.rule)}`;
  if (input.standings.length === 0)
    return `${head}\nNobody has attended a meeting yet, so nobody holds a vote.`;
  const holders = input.standings.filter((s) => s.holdsVote);
  const others = input.standings.filter((s) => !s.holdsVote);
  return [
    head,
    `*Holds a vote (${holders.length})*`,
    ...(holders.length > 0 ? holders.map(standingLine) : ['Nobody yet.']),
    ...(others.length > 0 ? [`*No vote (${others.length})*`, ...others.map(standingLine)] : []),
  ].join('\n');
}

/** `• Google — attended 3 of the last 4 (<@A>, <@B>)`; a person is their own entity. */
function standingLine(s: VoterStanding): string {
  const who = s.kind === 'person' ? mentionUser(s.entity) : escapePlain(s.entity);
  const people = s.kind === 'organization' && s.people.length > 0 ? ` (${mentions(s.people)})` : '';
  return `• ${who} — ${attendedText(s.attended, s.counted)}${people}`;
}

/** `attended 3 of the last 4`; a young group has fewer meetings to count. */
function attendedText(attended: number, counted: number): string {
  if (counted === 0) return 'no meetings to count yet';
  if (counted === 1) return attended > 0 ? 'attended the last meeting' : 'missed the last meeting';
  return `attended ${attended} of the last ${counted}`;
}

export interface DecisionAnnouncementInput {
  readonly number: number;
  readonly text: string;
  readonly authorId: SlackUserId;
  readonly reference: IssueReference | null;
}

const referenceLink = (ref: IssueReference): string => slackLink(referenceUrl(ref), formatReference(ref));

/** The thread post: `:white_check_mark: Decision #3 (recorded by <@U>): … — owner/repo#12`. */
export function decisionAnnouncement(d: DecisionAnnouncementInput): string {
  const tail = d.reference ? ` — ${referenceLink(d.reference)}` : '';
  return `:white_check_mark: Decision #${d.number} (recorded by ${mentionUser(d.authorId)}): ${escapeMrkdwn(d.text)}${tail}`;
}

export interface DecisionListInput {
  readonly groupName: string;
  readonly decisions: readonly {
    readonly number: number;
    readonly text: string;
    readonly meetingLabel: string;
    readonly reference: IssueReference | null;
  }[];
  /** The words searched for; none lists the latest decisions. */
  readonly words: readonly string[];
}

/** Listed at most; each is repeated up to DECISION_LIST_CHARACTERS: the reply stays readable. */
const DECISIONS_LISTED = 25;
const DECISION_LIST_CHARACTERS = 300;

/** `/decision list [words]`: the matching decisions, newest as given, or a sentence for none. */
export function decisionListReply(input: DecisionListInput): string {
  const group = escapePlain(input.groupName);
  const words = input.words.map((w) => `“${escapePlain(w)}”`).join(', ');
  if (input.decisions.length === 0) {
    return input.words.length > 0
      ? `No decision of ${group} mentions ${words}.`
      : `${group} has no decisions recorded yet. Record one with \`/decision &lt;text&gt;\` during a meeting.`;
  }
  const head =
    input.words.length > 0 ? `*Decisions of ${group} mentioning ${words}*` : `*Decisions of ${group}*`;
  const lines = input.decisions
    .slice(0, DECISIONS_LISTED)
    .map((d) =>
      [
        `#${d.number} ${escapeMrkdwn(clipText(d.text, DECISION_LIST_CHARACTERS))}`,
        escapePlain(d.meetingLabel),
        d.reference ? referenceLink(d.reference) : undefined,
      ]
        .filter((s) => s !== undefined)
        .join(' — '),
    );
  const more = input.decisions.length - DECISIONS_LISTED;
  if (more > 0) lines.push(`… and ${more} more: add words to narrow it, \`/decision list &lt;words&gt;\``);
  return `${head}\n${lines.join('\n')}`;
}

/** The hidden last line by which gavel finds its own comment again before posting twice. */
export const decisionMarker = (id: number): string => `<!-- gavel:decision:${id} -->`;

export interface DecisionCommentInput {
  readonly groupName: string;
  /** `3 Dec 2026`. */
  readonly meetingDate: string;
  readonly text: string;
  /** The meeting's thread in Slack, when its permalink is known. */
  readonly threadUrl: string | undefined;
  /** `decisionMarker(id)`. */
  readonly marker: string;
}

/**
 * The comment on the issue a decision names, in GitHub Markdown. The user's text goes
 * through githubText: Slack markup becomes plain, `<` and `>` become entities (no HTML, no
 * forged marker) and every `@` is followed by a zero-width joiner, so `@org/team` mentions
 * nobody. Its lines are joined into one so it stays a plain paragraph (no heading, list or
 * quote can start). The marker is the comment's last line.
 */
export function decisionComment(input: DecisionCommentInput): string {
  const text = githubText(input.text.replace(/\s*\n\s*/g, ' ').trim());
  const paragraphs = [
    `Decided at the ${githubText(input.groupName)} meeting of ${input.meetingDate}: ${text}`,
    input.threadUrl ? `[The meeting’s thread in Slack](${input.threadUrl})` : undefined,
    input.marker,
  ].filter((s) => s !== undefined);
  return paragraphs.join('\n\n');
}

/** The thread post when someone gives the recording. */
export const recordingPost = (url: string, byUserId: SlackUserId): string =>
  `:movie_camera: ${slackLink(url, 'Recording')} (added by ${mentionUser(byUserId)})`;

export interface RecordingAskInput {
  readonly groupName: string;
  readonly title: string;
  /** `Thu 3 Dec`. */
  readonly meetingLabel: string;
  /** How the channel is named, e.g. `<#C123>`: made by gavel, used as given. */
  readonly channelLabel: string;
  /** The meeting's date as `/meeting recording` takes it (`2026-12-03`). */
  readonly date: string;
}

/** The DM to a group's leads when a meeting that should have a recording has none. */
export const recordingAskDm = (input: RecordingAskInput): string =>
  `No recording has been added for ${escapePlain(input.groupName)}: ${escapePlain(input.title)} of ${escapePlain(input.meetingLabel)}. ` +
  `If there is one, add it in ${input.channelLabel} with \`/meeting recording &lt;url&gt; ${input.date}\`: the wrap-up and the minutes will link it.`;

/** The thread line when a write-back has failed for now; the job retries it. */
export const lateWriteBackNotice = (kind: 'github' | 'minutes'): string =>
  `:hourglass_flowing_sand: ${kind === 'github' ? 'Commenting on GitHub' : 'Writing to the minutes doc'} is taking longer than it should; gavel will keep trying.`;
