import { MINUTE_MS } from '../duration.js';
import type { GroupId } from '../ids.js';
import type { JobSpec } from '../ports/jobQueue.js';
import type { DstMismatch } from './dstMismatches.js';

export const DST_NOTICE_JOB = 'notice-dst';

export interface DstNoticePayload {
  readonly groupId: GroupId;
  /** The mismatch's first clock change: which season's notice this is. */
  readonly startsAt: string;
}

export const dstNoticePrefix = (groupId: GroupId | string): string => `${DST_NOTICE_JOB}:${groupId}:`;

export const dstNoticeKey = (groupId: GroupId | string, startsAt: Date): string =>
  `${dstNoticePrefix(groupId)}${startsAt.toISOString()}`;

/**
 * Keyed by the group and the clock change that opens the mismatch, not by a meeting: a notice
 * posted is not posted again for the same season however the meetings move (the key is also
 * postOnce's). Due `leadMinutes` before the first affected meeting among `mismatch.meetings`.
 */
export function dstNoticeJobSpec(groupId: GroupId, mismatch: DstMismatch, leadMinutes: number): JobSpec {
  const first = mismatch.meetings[0]!.occurrence.startsAt;
  return {
    key: dstNoticeKey(groupId, mismatch.startsAt),
    kind: DST_NOTICE_JOB,
    payload: { groupId, startsAt: mismatch.startsAt.toISOString() } satisfies DstNoticePayload,
    runAt: new Date(first.getTime() - leadMinutes * MINUTE_MS),
  };
}
