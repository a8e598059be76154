import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { MinutesAnnouncePayload } from '../../core/minutes/minutesJobPlan.js';
import { minutesAnnouncement } from '../../core/minutes/minutesMessages.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';

export interface AnnounceMinutesDeps {
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly occurrences: Pick<OccurrenceRepository, 'find'>;
  readonly workspace: Pick<SlackWorkspace, 'post'>;
}

/**
 * Posts the link to a meeting's minutes in the group's channel, unless the meeting is no
 * longer going ahead or has no minutes. Returns whether it posted.
 */
export async function announceMinutes(
  deps: AnnounceMinutesDeps,
  payload: MinutesAnnouncePayload,
): Promise<'announced' | 'skipped'> {
  const group = deps.groups.byId(payload.groupId);
  const occurrence = group && (await deps.occurrences.find(group.id, payload.startsAt));
  if (!group || !occurrence?.minutes?.url || occurrence.status !== 'scheduled') return 'skipped';
  const text = minutesAnnouncement({
    title: occurrence.title,
    startsAt: new Date(occurrence.startsAt),
    timeZone: group.timeZone,
    url: occurrence.minutes.url,
    docName: payload.label,
  });
  await deps.workspace.post(group.channelId, { text, unfurl: false });
  return 'announced';
}
