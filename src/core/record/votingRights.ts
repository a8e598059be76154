import type { VotingRule } from '../group.js';
import type { SlackUserId } from '../ids.js';

/**
 * Who holds a vote, after CloudEvents' governance (docs/GOVERNANCE.md of cloudevents/spec):
 * one vote per participating company or nonaffiliated individual, attained by the entity's
 * representatives, in aggregate, attending 3 of the last 4 meetings; obtained after the 3rd
 * meeting, not during; absence on a leave of absence does not count against it. The numbers
 * and whether votes are per organisation or per person come from the group's `VotingRule`.
 */

/** A meeting that took place, with who was there and who was excused. */
export interface PastMeeting {
  readonly startsAt: string;
  readonly attendees: readonly SlackUserId[];
  /** Recorded leaves of absence (`/meeting absent`). */
  readonly absent: readonly SlackUserId[];
}

export interface VoterStanding {
  /** The organisation's name, or the user id of a person voting for themselves. */
  readonly entity: string;
  readonly kind: 'organization' | 'person';
  /** Who attended for the entity in its counted meetings. */
  readonly people: readonly SlackUserId[];
  /** Of the counted meetings, how many someone of the entity attended. */
  readonly attended: number;
  /** The meetings that count: at most `ofLast`, fewer while the group is young. */
  readonly counted: number;
  readonly holdsVote: boolean;
}

/**
 * How many past meetings a caller should fetch: the last `ofLast`, plus room for meetings an
 * entity was excused from, which are skipped rather than counted. Twice `ofLast` more covers a
 * leave of two months for a weekly 3-of-4 group; an entity excused for longer is judged on the
 * meetings there are, which can only understate its attendance.
 */
export const PAST_MEETINGS_NEEDED = (rule: VotingRule): number => rule.ofLast * 3;

type Entity = Pick<VoterStanding, 'entity' | 'kind'>;

/**
 * The standing of everyone who attended in their counted meetings, holders first, then by
 * name. Only meetings that started before `before` (the meeting the vote is taken at) count:
 * attending the meeting of the vote does not make one a voter in it.
 */
export function votingStandings(
  rule: VotingRule,
  past: readonly PastMeeting[],
  organizations: Readonly<Record<string, string>>,
  before: string,
): VoterStanding[] {
  const cutoff = Date.parse(before);
  const newestFirst = past
    .filter((m) => Date.parse(m.startsAt) < cutoff)
    .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
  const entityOf = (user: SlackUserId): Entity => entityFor(rule, organizations, user);
  return candidates(newestFirst, entityOf)
    .map((entity) => standing(rule, newestFirst, entity, entityOf))
    .filter((s) => s.attended > 0)
    .sort(byHoldersThenName);
}

function entityFor(
  rule: VotingRule,
  organizations: Readonly<Record<string, string>>,
  user: SlackUserId,
): Entity {
  const organization = rule.per === 'organization' ? organizations[user]?.trim() : undefined;
  return organization ? { entity: organization, kind: 'organization' } : { entity: user, kind: 'person' };
}

/** Organisation names and user ids live in separate namespaces. */
const keyOf = (e: Entity): string => `${e.kind}:${e.entity}`;

function candidates(meetings: readonly PastMeeting[], entityOf: (u: SlackUserId) => Entity): Entity[] {
  const seen = new Map<string, Entity>();
  for (const user of meetings.flatMap((m) => m.attendees)) {
    const entity = entityOf(user);
    seen.set(keyOf(entity), entity);
  }
  return [...seen.values()];
}

/**
 * Walks the meetings newest first until `ofLast` have counted. A meeting nobody of the entity
 * attended but one of its people was excused from is skipped: it neither counts as attended
 * nor takes a place among the last `ofLast`.
 */
function standing(
  rule: VotingRule,
  newestFirst: readonly PastMeeting[],
  entity: Entity,
  entityOf: (u: SlackUserId) => Entity,
): VoterStanding {
  const key = keyOf(entity);
  const ours = (u: SlackUserId) => keyOf(entityOf(u)) === key;
  const people = new Set<SlackUserId>();
  let attended = 0;
  let counted = 0;
  for (const meeting of newestFirst) {
    if (counted >= rule.ofLast) break;
    const present = meeting.attendees.filter(ours);
    if (present.length === 0 && meeting.absent.some(ours)) continue;
    counted += 1;
    if (present.length > 0) attended += 1;
    present.forEach((u) => people.add(u));
  }
  return { ...entity, people: [...people].sort(), attended, counted, holdsVote: attended >= rule.attended };
}

function byHoldersThenName(a: VoterStanding, b: VoterStanding): number {
  if (a.holdsVote !== b.holdsVote) return a.holdsVote ? -1 : 1;
  return a.entity.localeCompare(b.entity, 'en', { sensitivity: 'base' }) || compare(a.entity, b.entity);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
