import { coveredBy, sameLabel } from '../../core/agenda/githubAgendaPlan.js';
import type { Clock } from '../../core/clock.js';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { LabelledIssueEvent } from '../../core/ports/labelledIssues.js';
import { type GithubAgendaDeps, placeGithubItems } from './githubAgendaItems.js';

/** What a delivery did to the agendas: per group that takes the issue's repository. */
export type AgendaEventOutcome = 'added' | 'updated' | 'removed' | 'unchanged';

/**
 * A delivery about an issue or pull request: in every group whose `agenda.github` takes its
 * repository, it is on the agenda when it is open and labelled, and off it otherwise. The
 * delivery says how the issue is now, so applying it twice is applying it once.
 */
export async function applyGithubAgendaEvent(
  deps: GithubAgendaDeps & { readonly groups: Pick<GroupDirectory, 'all'>; readonly clock: Clock },
  event: LabelledIssueEvent,
): Promise<{ readonly group: string; readonly outcome: AgendaEventOutcome }[]> {
  const { issue } = event;
  const outcomes: { group: string; outcome: AgendaEventOutcome }[] = [];
  for (const group of deps.groups.all()) {
    const settings = group.agendaGithub;
    if (!settings || !coveredBy(settings, issue.repo)) continue;
    const labelled = event.open && event.labels.some((l) => sameLabel(l, settings.label));
    if (labelled) {
      const [placed] = await placeGithubItems(deps, group, [issue], deps.clock.now());
      outcomes.push({ group: group.id, outcome: placed?.change ?? 'unchanged' });
    } else {
      const removed = await deps.agenda.removeFromGithub(group.id, issue.repo, issue.number);
      outcomes.push({ group: group.id, outcome: removed ? 'removed' : 'unchanged' });
    }
  }
  return outcomes;
}
