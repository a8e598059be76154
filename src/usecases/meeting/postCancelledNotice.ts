import {
  type CancelledNoticePayload,
  cancelledNoticeJobSpec,
  cancelledNotices,
  cancelledNoticeText,
} from '../../core/meeting/cancelledNotice.js';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { EffectLedger } from '../../core/ports/effectLedger.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';
import { occurrencesBetween } from '../../core/schedule/occurrences.js';
import { postOnce } from '../record/postOnce.js';

export interface CancelledNoticeDeps {
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly workspace: Pick<SlackWorkspace, 'post' | 'findPosted'>;
  readonly effects: EffectLedger;
  readonly occurrences: Pick<OccurrenceRepository, 'find'>;
}

export type CancelledNoticeResult =
  { readonly posted: true; readonly ts: string } | { readonly posted: false; readonly why: string };

/**
 * The channel is told, a few days ahead, that the groups file cancels a meeting (or a break
 * begins), once: postOnce under the job's key. The file is read as it is now, so a
 * cancellation removed before the notice's time posts nothing (the planner also withdraws it),
 * and so does a meeting a lead restored in Slack.
 */
export async function postCancelledNotice(
  deps: CancelledNoticeDeps,
  payload: CancelledNoticePayload,
  now: Date,
): Promise<CancelledNoticeResult> {
  const group = deps.groups.byId(payload.groupId);
  if (!group) return { posted: false, why: 'the group is no longer in the groups file' };
  const startsAt = new Date(payload.startsAt);
  const planned = occurrencesBetween(group, startsAt, new Date(startsAt.getTime() + 1));
  const [notice] = cancelledNotices(group, planned, now);
  if (!notice) return { posted: false, why: 'the groups file no longer cancels it, or it has begun' };
  const stored = await deps.occurrences.find(group.id, payload.startsAt);
  if (stored?.status === 'scheduled') return { posted: false, why: 'a lead restored the meeting' };
  const key = cancelledNoticeJobSpec(group.id, startsAt).key;
  const ts = await postOnce(deps, key, group.channelId, { text: cancelledNoticeText(group, notice) }, now);
  return { posted: true, ts };
}
