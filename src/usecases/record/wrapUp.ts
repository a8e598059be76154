import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { SlackMessage } from '../../core/ports/slackWorkspace.js';
import { type MeetingJobPayload, wrapUpKey } from '../../core/record/recordJobs.js';
import { isRecordOpen } from '../../core/record/recordWindows.js';
import { wrapUpMessage } from '../../core/record/wrapUpMessage.js';
import { meetingThreadTs } from './meetingThread.js';
import { meetingOutcome } from './meetingOutcome.js';
import { postOnce } from './postOnce.js';
import type { RecordDeps } from './recordDeps.js';

export type WrapUpDeps = Pick<
  RecordDeps,
  'groups' | 'occurrences' | 'agenda' | 'actionItems' | 'records' | 'effects' | 'workspace'
>;

/**
 * After the meeting (its end plus the group's wrap_up.after): the summary in its thread, once.
 * A meeting that did not go ahead gets none.
 */
export async function postWrapUp(
  deps: WrapUpDeps,
  meeting: MeetingJobPayload,
  now: Date,
): Promise<'posted' | 'skipped'> {
  const found = await scheduledMeeting(deps, meeting);
  if (!found) return 'skipped';
  const { group, occurrence } = found;
  const threadTs = await meetingThreadTs(deps, group.id, occurrence.startsAt);
  const message = await wrapUpContent(deps, group, occurrence);
  await postOnce(
    deps,
    wrapUpKey(group.id, occurrence.startsAt),
    group.channelId,
    { ...message, unfurl: false, ...(threadTs ? { threadTs } : {}) },
    now,
  );
  return 'posted';
}

/**
 * Redraws a posted wrap-up in place after a decision, a recording, a check-in or an item
 * arrived, for a day after the meeting. Before the wrap-up is posted there is nothing to do:
 * it will be drawn from the record as it stands then.
 */
export async function updateWrapUp(
  deps: WrapUpDeps,
  meeting: MeetingJobPayload,
  now: Date,
): Promise<'updated' | 'skipped'> {
  const found = await scheduledMeeting(deps, meeting);
  if (!found || !isRecordOpen(found.occurrence, now)) return 'skipped';
  const { group, occurrence } = found;
  const posted = await deps.effects.state(wrapUpKey(group.id, occurrence.startsAt));
  if (posted?.state !== 'done' || !posted.result) return 'skipped';
  const message = await wrapUpContent(deps, group, occurrence);
  await deps.workspace.update(group.channelId, posted.result, { ...message, unfurl: false });
  return 'updated';
}

async function scheduledMeeting(
  deps: Pick<WrapUpDeps, 'groups' | 'occurrences'>,
  meeting: MeetingJobPayload,
): Promise<{ group: ResolvedGroup; occurrence: Occurrence } | undefined> {
  const group = deps.groups.byId(meeting.groupId);
  const occurrence = group ? await deps.occurrences.find(group.id, meeting.startsAt) : undefined;
  return group && occurrence?.status === 'scheduled' ? { group, occurrence } : undefined;
}

/** The wrap-up as the record stands: who came, what was decided and agreed, what was covered. */
async function wrapUpContent(
  deps: WrapUpDeps,
  group: ResolvedGroup,
  occurrence: Occurrence,
): Promise<Pick<SlackMessage, 'text' | 'blocks'> & { text: string }> {
  const outcome = await meetingOutcome(deps, group, occurrence);
  return wrapUpMessage({
    groupName: group.name,
    title: occurrence.title,
    startsAt: new Date(occurrence.startsAt),
    timeZone: group.timeZone,
    attendees: outcome.attendees,
    decisions: outcome.decisions,
    actionItems: outcome.actionItems,
    covered: outcome.covered,
    rolledOver: outcome.rolledOver,
    minutesUrl: occurrence.minutes?.url ?? null,
    recordingUrl: outcome.recordingUrl,
  });
}
