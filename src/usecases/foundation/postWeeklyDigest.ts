import { digestMeeting } from '../../core/foundation/digestMeetings.js';
import { type GroupMeetings, meetingsOverview } from '../../core/foundation/meetingsOverview.js';
import type { DigestSource } from '../../core/digest/digestSettings.js';
import { type DigestPayload, digestPostKey, digestWeekOf } from '../../core/digest/digestWeek.js';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { EffectLedger } from '../../core/ports/effectLedger.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';
import { dayNumber, localDateOf } from '../../core/schedule/civilDate.js';
import { postOnce } from '../record/postOnce.js';
import { CANCELLED_FOR_NO_AGENDA } from '../../core/meeting/autoCancel.js';
import { shiftedClause } from '../../core/dst/dstNoticeText.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import { type AudienceDeps, groupMismatches } from '../dst/groupMismatches.js';

/** Cancellers that are no Slack user: the groups file and gavel itself. */
const GAVEL_CANCELLERS: ReadonlySet<string> = new Set(['config', CANCELLED_FOR_NO_AGENDA]);

export interface WeeklyDigestDeps extends AudienceDeps {
  readonly groups: Pick<GroupDirectory, 'all'>;
  readonly digest: DigestSource;
  readonly occurrences: Pick<OccurrenceRepository, 'between'>;
  readonly workspace: Pick<SlackWorkspace, 'post' | 'findPosted' | 'userNames'>;
  readonly effects: EffectLedger;
}

export type WeeklyDigestResult =
  | { readonly posted: true; readonly ts: string; readonly meetings: number }
  | { readonly posted: false; readonly why: string };

/**
 * The weekly digest: next week's meetings of every group (Monday 00:00 to Monday 00:00 in the
 * digest's zone), soonest first, in the digest's channel, posted once per week (postOnce,
 * keyed by the ISO week) however often its job runs or is cut off. A job the setting no
 * longer plans (changed, removed) or one whose week has begun posts nothing.
 */
export async function postWeeklyDigest(
  deps: WeeklyDigestDeps,
  payload: DigestPayload,
  now: Date,
): Promise<WeeklyDigestResult> {
  const settings = deps.digest.current();
  if (!settings) return { posted: false, why: 'no digest is configured (or its channel was not found)' };
  const week = digestWeekOf(settings, payload.monday);
  if (week.postAt.toISOString() !== payload.postAt) {
    return { posted: false, why: 'the digest setting changed; another job posts this week' };
  }
  if (now.getTime() >= week.from.getTime()) return { posted: false, why: 'its week has begun' };
  const groups = deps.groups.all();
  const meetings = await Promise.all(groups.map((g) => deps.occurrences.between(g.id, week.from, week.to)));
  const cancellers = meetings
    .flat()
    .flatMap((o) =>
      o.status === 'cancelled' && o.cancelledBy && !GAVEL_CANCELLERS.has(o.cancelledBy)
        ? [o.cancelledBy]
        : [],
    );
  const names =
    cancellers.length > 0 ? await deps.workspace.userNames(cancellers) : new Map<string, string>();
  const shifts = await Promise.all(groups.map((g, i) => shiftedInWeek(deps, g, meetings[i]!)));
  const overview = groups.map((g, i): GroupMeetings => ({
    groupName: g.name,
    channelLabel: g.channelLabel,
    timeZone: g.timeZone,
    meetings: meetings[i]!.map((o) => {
      const shift = shifts[i]!.get(o.startsAt);
      return { ...digestMeeting(g, o, names), ...(shift ? { dstShift: shift } : {}) };
    }),
  }));
  const text = meetingsOverview({
    mode: {
      kind: 'digest',
      monday: week.monday,
      sunday: localDateOf(dayNumber(week.monday) + 6),
      timeZone: settings.timeZone,
    },
    groups: overview,
    userZone: undefined,
  });
  const ts = await postOnce(
    deps,
    digestPostKey(week.isoWeek),
    settings.channelId,
    { text, unfurl: false },
    now,
  );
  return { posted: true, ts, meetings: meetings.flat().length };
}

/**
 * The week's meetings a clock change shifts for part of the group's audience (by start), with
 * where and how. The season's other weeks lie outside the week, but each stretch is bounded by
 * its clock changes, which the core finds on either side of the meetings it is given.
 */
async function shiftedInWeek(
  deps: AudienceDeps,
  group: ResolvedGroup,
  week: readonly Occurrence[],
): Promise<ReadonlyMap<string, string>> {
  const going = week.map((o) => ({
    startsAt: new Date(o.startsAt),
    title: o.title,
    cancelled: o.status === 'cancelled',
  }));
  const mismatches = await groupMismatches(deps, group, going);
  return new Map(
    mismatches.flatMap((m) =>
      m.meetings.map((x) => [x.occurrence.startsAt.toISOString(), shiftedClause(x, group.timeZone)] as const),
    ),
  );
}
