import { formatZoned } from '../zonedFormat.js';
import { formatDurationMinutes } from '../duration.js';
import type { Group } from '../group.js';
import { reminderPreview } from './reminderPreview.js';
import { ruleSummary } from './ruleSummary.js';
import { agendaSourceLines } from './agendaSources.js';
import type { UpcomingMeeting } from './upcomingMeetings.js';

export type PreviewGroup = Pick<
  Group,
  | 'id'
  | 'name'
  | 'channel'
  | 'timeZone'
  | 'meetings'
  | 'extraMeetings'
  | 'cancelled'
  | 'cancelReasons'
  | 'reminderLeadMinutes'
  | 'minutes'
  | 'agendaGithub'
  | 'agendaStanding'
  | 'agendaCounts'
>;

const local = (at: Date, zone: string) => formatZoned(at, zone, 'EEE yyyy-MM-dd HH:mm zzz');
const utc = (at: Date) => formatZoned(at, 'UTC', "EEE yyyy-MM-dd HH:mm 'UTC'");

/**
 * One group's coming meetings as a terminal report: each start, reminder and minutes moment
 * in the group's zone and in UTC (so a DST change shows as a moved UTC time), then the
 * first meeting's reminder as it will read. Pure: `now` only marks moments already past.
 */
export function previewText(group: PreviewGroup, meetings: readonly UpcomingMeeting[], now: Date): string {
  const zone = group.timeZone;
  const width = Math.max(
    0,
    ...meetings
      .flatMap((m) => [
        m.occurrence.startsAt,
        ...m.reminders.map((r) => r.at),
        m.minutesAt ?? m.occurrence.startsAt,
      ])
      .map((d) => local(d, zone).length),
  );
  const row = (label: string, at: Date, note: string) =>
    `     ${label.padEnd(10)}${local(at, zone).padEnd(width)}   ${utc(at)}${note ? `   ${note}` : ''}`;
  const past = (at: Date) => (at.getTime() <= now.getTime() ? ' (already past)' : '');

  const lines = [
    `${group.id} · ${group.name} · ${group.channel} · ${zone}`,
    ...group.meetings.map((rule) => `  Repeats: ${ruleSummary(rule)}`),
    ...agendaSourceLines(group),
  ];
  const real = meetings.filter((m) => !m.occurrence.cancelled);
  lines.push(
    real.length === 0
      ? '  No meetings in the coming year.'
      : `  Next ${real.length} meeting${real.length === 1 ? '' : 's'} after ${utc(now)}:`,
  );
  let n = 0;
  for (const m of meetings) {
    const o = m.occurrence;
    const markers = [o.source === 'extra' ? 'one-off' : undefined, o.cancelled ? 'CANCELLED' : undefined]
      .filter(Boolean)
      .map((t) => ` [${t!}]`)
      .join('');
    const minutes = Math.round((o.endsAt.getTime() - o.startsAt.getTime()) / 60_000);
    lines.push('');
    lines.push(
      `  ${o.cancelled ? '--' : `${++n}.`} ${o.title} (${formatDurationMinutes(minutes)})${markers}`,
    );
    lines.push(row('starts', o.startsAt, ''));
    if (o.cancelled) {
      const why = o.cancelReason === undefined ? '' : ` (${o.cancelReason})`;
      lines.push(`     cancelled in the groups file${why}: no reminders, no minutes`);
      continue;
    }
    for (const r of m.reminders) {
      lines.push(row('reminder', r.at, `${formatDurationMinutes(r.leadMinutes)} before${past(r.at)}`));
    }
    if (m.minutesAt && group.minutes) {
      const kind = group.minutes.mode === 'running' ? 'section added to the running doc' : 'doc created';
      lines.push(
        row(
          'minutes',
          m.minutesAt,
          `${kind}, ${formatDurationMinutes(group.minutes.createBeforeMinutes)} before${past(m.minutesAt)}`,
        ),
      );
    }
  }
  const first = real[0];
  if (first) {
    lines.push('');
    lines.push(
      `  Reminder for meeting 1 as it will read (the agenda and minutes link are filled in when posted):`,
    );
    lines.push('');
    lines.push(
      ...reminderPreview(group, first.occurrence)
        .split('\n')
        .map((l) => (l === '' ? '   │' : `   │ ${l}`)),
    );
  }
  return lines.join('\n');
}
