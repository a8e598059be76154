import { mayMarkCovered } from '../../core/agenda/agendaPermissions.js';
import { coveredText } from '../../core/agenda/agendaReplies.js';
import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import type { Clock } from '../../core/clock.js';
import { GavelError } from '../../core/errors.js';
import type { GroupDirectory, ResolvedGroup } from '../../core/groupDirectory.js';
import type { SlackUserId } from '../../core/ids.js';
import type { AgendaItem, AgendaItemId } from '../../core/model/agendaItem.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import { mentionUser } from '../../core/mrkdwn.js';
import { agendaItemOf, type ItemLookupDeps, type ItemRef } from './agendaItemOf.js';

export interface CoverAgendaItemDeps extends ItemLookupDeps {
  readonly agenda: Pick<AgendaRepository, 'byNumber' | 'byId' | 'setStatus'>;
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly clock: Clock;
}

/** The item to mark: by number in a group (`/agenda done <n> [date]`) or by id (the list's button). */
export type CoverTarget = (ItemRef & { readonly group: ResolvedGroup }) | { readonly itemId: AgendaItemId };

export interface CoverOutcome {
  /** False when it was covered already: nothing changed. */
  readonly changed: boolean;
  readonly group: ResolvedGroup;
  readonly item: AgendaItem;
  /** The sentence for the person who asked. */
  readonly text: string;
}

/**
 * Marks an agenda item covered: the chair's call, so leads only. A lead is refused before
 * the item is even looked up when the group is known; by id the item says which group it is.
 */
export async function coverAgendaItem(
  deps: CoverAgendaItemDeps,
  input: { readonly userId: SlackUserId; readonly target: CoverTarget },
): Promise<CoverOutcome> {
  const { userId, target } = input;
  let group: ResolvedGroup;
  let item: AgendaItem;
  if ('itemId' in target) {
    const found = await deps.agenda.byId(target.itemId);
    const owner = found ? deps.groups.byId(found.groupId) : undefined;
    if (!found || !owner) throw new GavelError('not_found', 'That item is no longer on the agenda.');
    mustBeLead(owner, userId);
    [group, item] = [owner, found];
  } else {
    mustBeLead(target.group, userId);
    group = target.group;
    ({ item } = await agendaItemOf(deps, group, target, deps.clock.now()));
  }
  const label = meetingLabel(item.meetingStartsAt, group.timeZone);
  if (item.status === 'covered') {
    return { changed: false, group, item, text: `#${item.number} of ${label} is already marked covered.` };
  }
  const covered = await deps.agenda.setStatus(item.id, 'covered', deps.clock.now());
  return { changed: true, group, item: covered, text: coveredText(covered, label) };
}

function mustBeLead(group: ResolvedGroup, userId: SlackUserId): void {
  if (mayMarkCovered(group, userId)) return;
  throw new GavelError(
    'not_a_lead',
    `Only a lead (${group.leads.map(mentionUser).join(', ')}) can mark items covered.`,
  );
}
