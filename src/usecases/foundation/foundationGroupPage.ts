import type { Clock } from '../../core/clock.js';
import { CANCELLED_FOR_NO_AGENDA } from '../../core/meeting/autoCancel.js';
import { DAY_MS } from '../../core/duration.js';
import {
  type CancelledMeetingView,
  feedLinks,
  type GroupPageView,
  type LastMeetingView,
  type LeadView,
} from '../../core/foundation/foundationViews.js';
import { mentionedUsers, publicText } from '../../core/foundation/publicText.js';
import type { GroupDirectory, ResolvedGroup } from '../../core/groupDirectory.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { MeetingRecordRepository } from '../../core/ports/meetingRecordRepository.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import { meetingView, summaryOf } from './foundationGroups.js';
import type { NameCache } from './nameCache.js';

export interface FoundationGroupPageDeps {
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly occurrences: Pick<OccurrenceRepository, 'between'>;
  readonly records: Pick<MeetingRecordRepository, 'recording' | 'decisionsOf'>;
  readonly names: NameCache;
  readonly clock: Clock;
}

const UPCOMING = 5;
const AHEAD_MS = 120 * DAY_MS;
const BEHIND_MS = 365 * DAY_MS;

/**
 * What `/groups/<id>` shows, or undefined for no such group. `origin` is where gavel is
 * reached (`https://gavel.example.org`), for the feed's address.
 */
export async function foundationGroupPage(
  deps: FoundationGroupPageDeps,
  groupId: string,
  origin: string,
): Promise<GroupPageView | undefined> {
  const group = deps.groups.byId(groupId);
  if (!group) return undefined;
  const now = deps.clock.now();
  const stored = await deps.occurrences.between(
    group.id,
    new Date(now.getTime() - BEHIND_MS),
    new Date(now.getTime() + AHEAD_MS),
  );
  const ahead = stored.filter((o) => Date.parse(o.startsAt) > now.getTime());
  const upcoming = ahead.filter((o) => o.status === 'scheduled').slice(0, UPCOMING);
  const cancelledAhead = ahead.filter((o) => o.status === 'cancelled').slice(0, UPCOMING);
  const last = stored
    .filter((o) => o.status === 'scheduled' && Date.parse(o.startsAt) <= now.getTime())
    .at(-1);
  const record = last ? await lastMeeting(deps, group, last) : undefined;

  const slackLeads = group.leads.filter((id) => group.githubLogins[id] === undefined);
  const cancellers = cancelledAhead.flatMap((o) => (isSlackUser(o.cancelledBy) ? [o.cancelledBy] : []));
  const names = await deps.names.names([...slackLeads, ...cancellers, ...(record?.mentions ?? [])]);

  return {
    ...summaryOf(group, upcoming[0]),
    leads: group.leads.map((id): LeadView => {
      const login = group.githubLogins[id];
      if (login !== undefined) return { kind: 'github', login };
      const name = names.get(id);
      return name === undefined ? { kind: 'unnamed' } : { kind: 'slack', name };
    }),
    links: group.links ?? {},
    upcoming: upcoming.map(meetingView),
    cancelled: cancelledAhead.map((o): CancelledMeetingView => ({
      startsAt: new Date(o.startsAt),
      title: o.title,
      reason: cancellationReason(o, names, group.cancelReasons),
    })),
    last: record
      ? {
          ...record.view,
          decisions: record.view.decisions.map((d) => ({
            number: d.number,
            text: publicText(d.text, names),
          })),
        }
      : undefined,
    feed: feedLinks(`${origin}/calendar/${encodeURIComponent(group.id)}.ics`),
  };
}

const isSlackUser = (who: string | null): who is string =>
  who !== null && who !== 'config' && who !== CANCELLED_FOR_NO_AGENDA;

/**
 * Who cancelled it is what gavel knows; the groups file's cancellations are the group's plan,
 * with the file's reason (a holiday's name, a break's) when it gives one.
 */
function cancellationReason(
  o: Occurrence,
  names: ReadonlyMap<string, string>,
  fileReasons: Readonly<Record<string, string>> | undefined,
): string | undefined {
  if (o.cancelledBy === 'config') {
    const why = fileReasons?.[o.localDate];
    return why === undefined ? 'cancelled in the group’s schedule' : `cancelled: ${why}`;
  }
  if (o.cancelledBy === CANCELLED_FOR_NO_AGENDA) return 'cancelled: no agenda';
  const name = isSlackUser(o.cancelledBy) ? names.get(o.cancelledBy) : undefined;
  return name === undefined ? undefined : `cancelled by ${name}`;
}

async function lastMeeting(
  deps: FoundationGroupPageDeps,
  group: ResolvedGroup,
  o: Occurrence,
): Promise<{ view: LastMeetingView; mentions: string[] } | undefined> {
  const [recording, decisions] = await Promise.all([
    deps.records.recording(group.id, o.startsAt),
    deps.records.decisionsOf(group.id, o.startsAt),
  ]);
  if (!o.minutes && !recording && decisions.length === 0) return undefined;
  return {
    view: {
      startsAt: new Date(o.startsAt),
      title: o.title,
      minutesUrl: o.minutes?.url,
      recordingUrl: recording?.url,
      decisions: decisions.map((d) => ({ number: d.number, text: d.text })),
    },
    mentions: decisions.flatMap((d) => mentionedUsers(d.text)),
  };
}
