import { addedText } from '../../core/agenda/agendaReplies.js';
import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { SlackUserId } from '../../core/ids.js';
import type { Services } from '../../services.js';
import type { AgendaItem } from '../../core/model/agendaItem.js';
import type { Occurrence } from '../../core/model/occurrence.js';

/** Records an item on a meeting's agenda; returns it with the sentence that announces it. */
export async function addAgendaItem(
  services: Services,
  input: {
    readonly group: ResolvedGroup;
    readonly meeting: Occurrence;
    readonly topic: string;
    readonly details: string | null;
    readonly userId: SlackUserId;
  },
): Promise<{ item: AgendaItem; text: string }> {
  const item = await services.agenda.add(
    {
      groupId: input.group.id,
      meetingStartsAt: input.meeting.startsAt,
      topic: input.topic,
      details: input.details,
      authorId: input.userId,
    },
    services.clock.now(),
  );
  const text = addedText(input.userId, item, meetingLabel(input.meeting.startsAt, input.group.timeZone));
  return { item, text };
}
