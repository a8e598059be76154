import { mayReorder } from '../../core/agenda/agendaPermissions.js';
import { type OrderRequest, planOrder } from '../../core/agenda/agendaOrder.js';
import { reorderedText } from '../../core/agenda/agendaReplies.js';
import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import type { Clock } from '../../core/clock.js';
import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { SlackUserId } from '../../core/ids.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import { mentionUser } from '../../core/mrkdwn.js';
import { findMeeting, type MeetingLookupDeps } from './findMeeting.js';

/**
 * `/agenda move <n> top|up|down|bottom` and `/agenda order 3 1 2`: a lead changes the order
 * of discussion of the current meeting (the one in progress, else the next). Numbers stay
 * with their items. Returns the sentence for the channel, with the new order.
 */
export async function reorderAgenda(
  deps: MeetingLookupDeps & {
    readonly agenda: Pick<AgendaRepository, 'forMeeting' | 'reorder'>;
    readonly clock: Clock;
  },
  input: { readonly group: ResolvedGroup; readonly userId: SlackUserId; readonly request: OrderRequest },
): Promise<{ readonly text: string }> {
  const { group, userId, request } = input;
  if (!mayReorder(group, userId)) {
    throw new GavelError(
      'not_a_lead',
      `Only a lead (${group.leads.map(mentionUser).join(', ')}) can change the order of the agenda. Ask one, or say in the channel where your item should go.`,
    );
  }
  const now = deps.clock.now();
  const meeting = await findMeeting(deps, { group, purpose: 'view', date: undefined, now });
  const items = await deps.agenda.forMeeting(group.id, meeting.startsAt);
  const plan = planOrder(items, request);
  if (!plan.ok) throw new GavelError('bad_input', plan.message);
  const label = meetingLabel(meeting.startsAt, group.timeZone);
  if (!plan.changed) {
    throw new GavelError('bad_input', `That is the order the agenda of ${label} already has.`);
  }
  if (!(await deps.agenda.reorder(group.id, meeting.startsAt, plan.order, now))) {
    throw new GavelError(
      'conflict',
      'Someone changed the agenda at the same moment. See `/agenda list` and try again.',
    );
  }
  const byNumber = new Map(items.map((i) => [i.number, i]));
  const ordered = plan.order.map((n) => byNumber.get(n)!);
  const what =
    request.kind === 'shift' ? `moved #${request.number} ${shiftWords[request.to]} on the agenda` : undefined;
  return { text: reorderedText(userId, label, ordered, what) };
}

const shiftWords = { top: 'to the top', up: 'up', down: 'down', bottom: 'to the bottom' } as const;
