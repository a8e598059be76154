import { GITHUB_AGENDA_MAX, githubAgendaPlan } from '../../core/agenda/githubAgendaPlan.js';
import type { Clock } from '../../core/clock.js';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { GroupId } from '../../core/ids.js';
import type { GithubAgendaRef } from '../../core/model/agendaItem.js';
import type { LabelledIssue, LabelledIssues } from '../../core/ports/labelledIssues.js';
import type { Log } from '../../core/ports/log.js';
import { type GithubAgendaDeps, placeGithubItems } from './githubAgendaItems.js';

export interface SyncGithubAgendaDeps extends GithubAgendaDeps {
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly labelled: LabelledIssues;
  readonly clock: Clock;
}

export interface SyncOutcome {
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  /** The lines logged for sources that could not be read or had too much. */
  readonly problems: readonly string[];
  /** A source did not answer: the job should be tried again. */
  readonly retry: boolean;
}

/**
 * Brings a group's GitHub items in line with GitHub: every open, labelled issue and pull
 * request of its sources on the agenda (see placeGithubItems), every open item whose issue is
 * unlabelled, closed or gone taken off (covered ones stay in their meeting's record). A
 * source GitHub cannot answer for keeps its items as last known. Idempotent.
 */
export async function syncGithubAgenda(
  deps: SyncGithubAgendaDeps,
  groupId: string,
  log: Log,
): Promise<SyncOutcome> {
  const none = { added: 0, updated: 0, removed: 0, problems: [], retry: false };
  const group = deps.groups.byId(groupId);
  const settings = group?.agendaGithub;
  if (!group) return none;
  const open = (await deps.agenda.openFromGithub(group.id)).flatMap((i) => (i.github ? [i.github] : []));
  if (!settings) {
    // The group no longer takes items from GitHub: the ones still open leave.
    return { ...none, removed: await removeAll(deps, group.id, open) };
  }
  const reads = await Promise.all(
    settings.repos.map((source) => deps.labelled.labelled(source, settings.label, GITHUB_AGENDA_MAX)),
  );
  const plan = githubAgendaPlan({ path: `groups.${group.id}.agenda.github`, settings, reads, open });
  for (const problem of plan.problems) log.error({ group: group.id }, problem);
  const placed = await placeGithubItems(deps, group, plan.present, deps.clock.now());
  let removed = await removeAll(deps, group.id, plan.gone);
  // Last: a GitHub that stops answering here leaves the rest done, and the retry asks again.
  const confirmed = await confirmMissing(deps.labelled, plan.confirm, settings.label);
  placed.push(...(await placeGithubItems(deps, group, confirmed.still, deps.clock.now())));
  removed += await removeAll(deps, group.id, confirmed.gone);
  return {
    added: placed.filter((p) => p.change === 'added').length,
    updated: placed.filter((p) => p.change === 'updated').length,
    removed,
    problems: plan.problems,
    retry: plan.retry,
  };
}

/** Asks GitHub about each item a lagging search did not find: still labelled, or gone. */
async function confirmMissing(
  labelled: LabelledIssues,
  refs: readonly GithubAgendaRef[],
  label: string,
): Promise<{ still: LabelledIssue[]; gone: GithubAgendaRef[] }> {
  const still: LabelledIssue[] = [];
  const gone: GithubAgendaRef[] = [];
  for (const ref of refs) {
    const now = await labelled.current(ref.repo, ref.number, label);
    if (now) still.push(now);
    else gone.push(ref);
  }
  return { still, gone };
}

async function removeAll(
  deps: Pick<GithubAgendaDeps, 'agenda'>,
  groupId: GroupId,
  refs: readonly GithubAgendaRef[],
): Promise<number> {
  let removed = 0;
  for (const ref of refs) {
    if (await deps.agenda.removeFromGithub(groupId, ref.repo, ref.number)) removed++;
  }
  return removed;
}
