import { DAY_MS } from '../../core/duration.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { Decision } from '../../core/model/meetingRecord.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { ActionItemLine, AgendaLine, AttendeeLine } from '../../core/record/meetingOutcomeLines.js';
import type { RecordDeps } from './recordDeps.js';

export interface MeetingOutcome {
  readonly attendees: readonly AttendeeLine[];
  readonly decisions: readonly Decision[];
  readonly actionItems: readonly ActionItemLine[];
  readonly covered: readonly AgendaLine[];
  readonly rolledOver: readonly AgendaLine[];
  readonly recordingUrl: string | null;
  /** Slack names of the attendees and the action items' owners. */
  readonly names: ReadonlyMap<string, string>;
}

/**
 * What a meeting came to, as gavel's record has it: who came (with their organisations), what
 * was decided, the action items recorded at it, the agenda covered and rolled over, the
 * recording. What the wrap-up shows and what a publication writes down.
 */
export async function meetingOutcome(
  deps: Pick<RecordDeps, 'occurrences' | 'agenda' | 'actionItems' | 'records' | 'workspace'>,
  group: ResolvedGroup,
  occurrence: Occurrence,
): Promise<MeetingOutcome> {
  const startsAt = occurrence.startsAt;
  const [attendance, decisions, recording, agenda, items, next] = await Promise.all([
    deps.records.attendees(group.id, startsAt),
    deps.records.decisionsOf(group.id, startsAt),
    deps.records.recording(group.id, startsAt),
    deps.agenda.forMeeting(group.id, startsAt),
    deps.actionItems.list(group.id, { status: 'any' }),
    nextMeeting(deps, group, occurrence),
  ]);
  const actionItems = items
    .filter((i) => i.meetingStartsAt === startsAt)
    .map((i) => ({
      number: i.number,
      text: i.text,
      owners: i.owners,
      dueDate: i.dueDate,
      issueUrl: i.githubIssue?.url ?? null,
    }));
  const names = await deps.workspace.userNames([
    ...new Set([...attendance.map((a) => a.userId), ...actionItems.flatMap((i) => i.owners)]),
  ]);
  // Topics left open moved on to the next meeting when this one ended (agenda.rollover), keeping
  // the meeting they were first put on.
  const movedOn = next
    ? (await deps.agenda.forMeeting(group.id, next.startsAt)).filter(
        (a) => a.rolledFrom !== null && a.rolledFrom <= startsAt,
      )
    : [];
  return {
    attendees: attendance.map((a) => ({
      userId: a.userId,
      name: names.get(a.userId) ?? a.userId,
      organization: group.organizations[a.userId],
    })),
    decisions,
    actionItems,
    covered: agenda
      .filter((a) => a.status === 'covered')
      .map((a) => ({ number: a.number, topic: a.topic, github: a.github })),
    rolledOver: [...agenda.filter((a) => a.status === 'open'), ...movedOn].map((a) => ({
      number: a.number,
      topic: a.topic,
      github: a.github,
    })),
    recordingUrl: recording?.url ?? null,
    names,
  };
}

async function nextMeeting(
  deps: Pick<RecordDeps, 'occurrences'>,
  group: ResolvedGroup,
  occurrence: Occurrence,
): Promise<Occurrence | undefined> {
  const after = Date.parse(occurrence.startsAt) + 1;
  const later = await deps.occurrences.between(group.id, new Date(after), new Date(after + 400 * DAY_MS));
  return later.find((o) => o.status === 'scheduled');
}
