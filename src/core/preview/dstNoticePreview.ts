import { DAY_MS, formatDurationMinutes, MINUTE_MS } from '../duration.js';
import { dstMismatches } from '../dst/dstMismatches.js';
import { dstNoticeText } from '../dst/dstNoticeText.js';
import type { Group } from '../group.js';
import { occurrencesBetween, type ScheduleInput } from '../schedule/occurrences.js';
import { formatZoned } from '../zonedFormat.js';

/** Preview looks further ahead than planning does: a chair checks the coming seasons. */
const PREVIEW_DAYS = 366;

/**
 * The DST notices of the coming year, each with the moment it will be posted, for the
 * groups file's audience zones (the channel's members' zones join them when gavel runs).
 */
export function dstNoticePreview(
  group: ScheduleInput & Pick<Group, 'audienceZones' | 'dstNoticeMinutes'>,
  now: Date,
): string[] {
  const lead = group.dstNoticeMinutes;
  const zones = group.audienceZones ?? [];
  if (lead === undefined) return ['  DST notices: off (dst_notice: off).'];
  const planned = occurrencesBetween(group, now, new Date(now.getTime() + PREVIEW_DAYS * DAY_MS));
  const notices = dstMismatches(group.timeZone, zones, planned);
  const ahead = lead % (24 * 60) === 0 ? `${lead / (24 * 60)}d` : formatDurationMinutes(lead);
  const head = `  DST notices, ${ahead} before the first shifted meeting, for ${
    zones.length === 0 ? 'no audience_zones' : zones.join(', ')
  } and the channel's members' zones:`;
  if (notices.length === 0) return [head, '     none in the coming year.'];
  return [
    head,
    ...notices.flatMap((n) => {
      const at = new Date(n.meetings[0]!.occurrence.startsAt.getTime() - lead * MINUTE_MS);
      const when = `${formatZoned(at, group.timeZone, 'EEE yyyy-MM-dd HH:mm zzz')} (${formatZoned(at, 'UTC', 'HH:mm')} UTC)`;
      const past = at.getTime() <= now.getTime() ? ' (due now)' : '';
      return [`  DST notice, posted ${when}${past}:`, `     ${dstNoticeText(group.timeZone, n)}`];
    }),
  ];
}
