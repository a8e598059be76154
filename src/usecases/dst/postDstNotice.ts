import { DAY_MS } from '../../core/duration.js';
import { MISMATCH_MAX_DAYS } from '../../core/dst/dstMismatches.js';
import { type DstNoticePayload, dstNoticeKey } from '../../core/dst/dstNoticeJob.js';
import { dstNoticeText } from '../../core/dst/dstNoticeText.js';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { EffectLedger } from '../../core/ports/effectLedger.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import { meetingsAsHeld } from '../../core/dst/meetingsAsHeld.js';
import { occurrencesBetween } from '../../core/schedule/occurrences.js';
import { postOnce } from '../record/postOnce.js';
import { type AudienceDeps, groupMismatches } from './groupMismatches.js';

export interface DstNoticeDeps extends AudienceDeps {
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly occurrences: Pick<OccurrenceRepository, 'between'>;
  readonly workspace: Pick<SlackWorkspace, 'post' | 'findPosted'>;
  readonly effects: EffectLedger;
}

export type DstNoticeResult =
  { readonly posted: true; readonly ts: string } | { readonly posted: false; readonly why: string };

/**
 * Tells the channel, once (postOnce under the job's key), which coming meetings a clock change
 * shifts for part of the audience. The meetings (as stored, a lead's cancellations included) and
 * the audience are read as they are now: a mismatch the meetings no longer have posts nothing
 * (the planner also withdraws it), and
 * meetings already begun are left out of the text.
 */
export async function postDstNotice(
  deps: DstNoticeDeps,
  payload: DstNoticePayload,
  now: Date,
): Promise<DstNoticeResult> {
  const group = deps.groups.byId(payload.groupId);
  if (!group) return { posted: false, why: 'the group is no longer in the groups file' };
  const startsAt = new Date(payload.startsAt);
  // A season's stretches each last at most MISMATCH_MAX_DAYS; overlapping, twice that.
  const to = new Date(startsAt.getTime() + 2 * MISMATCH_MAX_DAYS * DAY_MS);
  const held = meetingsAsHeld(
    occurrencesBetween(group, startsAt, to),
    await deps.occurrences.between(group.id, startsAt, to),
  );
  const mismatch = (await groupMismatches(deps, group, held)).find(
    (m) => m.startsAt.getTime() === startsAt.getTime(),
  );
  const coming = mismatch?.meetings.filter((m) => m.occurrence.startsAt.getTime() > now.getTime()) ?? [];
  if (!mismatch || coming.length === 0) {
    return { posted: false, why: 'no meeting is shifted any more, or all of them have begun' };
  }
  const key = dstNoticeKey(group.id, startsAt);
  const text = dstNoticeText(group.timeZone, { ...mismatch, meetings: coming });
  const ts = await postOnce(deps, key, group.channelId, { text }, now);
  return { posted: true, ts };
}
