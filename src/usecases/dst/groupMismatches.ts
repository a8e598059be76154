import type { ResolvedGroup } from '../../core/groupDirectory.js';
import {
  type DstMeeting,
  type DstMismatch,
  dstMismatches,
  type MismatchMeeting,
} from '../../core/dst/dstMismatches.js';
import type { AudienceZones } from './audienceZones.js';

export interface AudienceDeps {
  /** Absent (a bench, a tool without Slack): the groups file's zones alone. */
  readonly audience?: AudienceZones | undefined;
}

/**
 * The group's DST mismatches among `planned`, for its audience as it is known now; none when
 * the group turned `dst_notice` off.
 */
export async function groupMismatches(
  deps: AudienceDeps,
  group: ResolvedGroup,
  planned: readonly DstMeeting[],
  audience: 'looked-up' | 'cached' = 'looked-up',
): Promise<DstMismatch[]> {
  if (group.dstNoticeMinutes === undefined) return [];
  const zones = !deps.audience
    ? (group.audienceZones ?? [])
    : audience === 'cached'
      ? deps.audience.knownZonesOf(group)
      : await deps.audience.zonesOf(group);
  return zones.length === 0 ? [] : dstMismatches(group.timeZone, zones, planned);
}

/**
 * The audience zones a meeting at `startsAt` is shifted in, if a clock change shifts it; for
 * its reminder, so from the cached audience only.
 */
export async function shiftedMeeting(
  deps: AudienceDeps,
  group: ResolvedGroup,
  meeting: Pick<DstMeeting, 'startsAt' | 'title'>,
): Promise<MismatchMeeting | undefined> {
  const [mismatch] = await groupMismatches(deps, group, [{ ...meeting, cancelled: false }], 'cached');
  return mismatch?.meetings[0];
}
