import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import { DAY_MS } from '../../core/duration.js';
import { GavelError } from '../../core/errors.js';
import type { VotingRule } from '../../core/group.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import { meetingInProgress } from '../../core/record/recordWindows.js';
import {
  PAST_MEETINGS_NEEDED,
  type PastMeeting,
  type VoterStanding,
  votingStandings,
} from '../../core/record/votingRights.js';
import type { SlackUserId } from '../../core/ids.js';
import type { RecordDeps } from './recordDeps.js';

export interface VotersResult {
  readonly rule: VotingRule;
  readonly nextMeetingLabel: string;
  readonly standings: readonly VoterStanding[];
}

/** How far back past meetings are read: a monthly group's of_last × 3 fits in well under this. */
const HISTORY_MS = 3 * 366 * DAY_MS;

/**
 * `/meeting voters`: who holds a vote at the next meeting (or the one in progress) under the
 * group's rule, from gavel's record of the meetings before it.
 */
export async function votersForNextMeeting(
  deps: Pick<RecordDeps, 'clock' | 'occurrences' | 'records'>,
  group: ResolvedGroup,
): Promise<VotersResult> {
  const rule = group.voting;
  if (!rule) {
    throw new GavelError(
      'not_found',
      `${group.name} has no voting rule. A lead can add one to the groups file, e.g. \`voting: { attended: 3, of_last: 4, per: organization }\`.`,
    );
  }
  const now = deps.clock.now();
  const around = await deps.occurrences.between(
    group.id,
    new Date(now.getTime() - 2 * DAY_MS),
    new Date(now.getTime() + 400 * DAY_MS),
  );
  const vote =
    meetingInProgress(around, now) ??
    around.find((o) => o.status === 'scheduled' && Date.parse(o.startsAt) > now.getTime());
  const before = vote?.startsAt ?? now.toISOString();
  const history = (
    await deps.occurrences.between(group.id, new Date(Date.parse(before) - HISTORY_MS), new Date(before))
  )
    .filter((o) => o.status === 'scheduled')
    .slice(-PAST_MEETINGS_NEEDED(rule))
    .reverse();
  const starts = history.map((o) => o.startsAt);
  const [attendance, absences] = await Promise.all([
    deps.records.attendanceAt(group.id, starts),
    deps.records.absencesAt(group.id, starts),
  ]);
  const byMeeting = (rows: readonly { meetingStartsAt: string; userId: SlackUserId }[], start: string) =>
    rows.filter((r) => r.meetingStartsAt === start).map((r) => r.userId);
  const past: PastMeeting[] = history.map((o) => ({
    startsAt: o.startsAt,
    attendees: byMeeting(attendance, o.startsAt),
    absent: byMeeting(absences, o.startsAt),
  }));
  return {
    rule,
    nextMeetingLabel: vote
      ? `${vote.title} of ${meetingLabel(vote.startsAt, group.timeZone)}`
      : 'the next meeting',
    standings: votingStandings(rule, past, group.organizations, before),
  };
}
