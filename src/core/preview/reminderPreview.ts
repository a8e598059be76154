import { countLines } from '../agenda/agendaCounts.js';
import type { Group } from '../group.js';
import { reminderMessage } from '../reminder/reminderMessage.js';
import type { PlannedOccurrence } from '../schedule/occurrences.js';
import { blocksToText } from './blocksToText.js';

/**
 * The reminder of one meeting as text, built by the same function the reminder job uses.
 * The preview reads no database, so the agenda is empty and the minutes link absent: both are
 * filled in at posting time.
 */
export function reminderPreview(
  group: Pick<Group, 'id' | 'name' | 'timeZone' | 'minutes' | 'agendaStanding' | 'agendaCounts'>,
  occurrence: PlannedOccurrence,
): string {
  const startsAt = occurrence.startsAt.toISOString();
  const message = reminderMessage({
    groupName: group.name,
    timeZone: group.timeZone,
    meeting: {
      title: occurrence.title,
      startsAt: occurrence.startsAt,
      endsAt: occurrence.endsAt,
      joinUrl: occurrence.joinUrl,
      dialIn: occurrence.dialIn,
      minutesUrl: undefined,
    },
    agenda: [],
    standing: group.agendaStanding ?? [],
    counts: countLines(group.agendaCounts ?? [], []).map((c) => ({ ...c, note: 'counted when posted' })),
    minutesEnabled: group.minutes !== undefined,
    // The button's value never shows in text; same shape as src/slack/meetingKey.ts all the same.
    meetingKey: `${group.id}|${startsAt}`,
  });
  // Slack shows the date token in each reader's zone; the group's zone follows it in the text.
  return blocksToText(message.blocks, { date: () => "‹each reader's own time›" });
}
