import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { AgendaCountsPayload } from '../../core/agenda/agendaCountsJob.js';
import type { AgendaCountRepository } from '../../core/ports/agendaCountRepository.js';
import { type IssueSearch, isIssueSearchError } from '../../core/ports/issueSearch.js';
import type { Log } from '../../core/ports/log.js';

export interface RefreshAgendaCountsDeps {
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly agendaCounts: Pick<AgendaCountRepository, 'recordTotal' | 'recordFailure'>;
  /** Absent when GitHub is not configured. */
  readonly search: IssueSearch | undefined;
}

/**
 * Asks GitHub for each of the group's counts and stores the totals. A refused query or a
 * GitHub that does not answer is recorded (the last total stays) and logged; the job itself
 * succeeds, since the reminder it prepares goes out either way. Only a failing database throws.
 */
export async function refreshAgendaCounts(
  deps: RefreshAgendaCountsDeps,
  payload: AgendaCountsPayload,
  now: Date,
  log: Log,
): Promise<{ readonly counted: number; readonly failed: number }> {
  const group = deps.groups.byId(payload.groupId);
  const queries = [...new Set((group?.agendaCounts ?? []).map((c) => c.query))];
  if (!group || queries.length === 0) return { counted: 0, failed: 0 };
  let counted = 0;
  for (const query of queries) {
    if (!deps.search) {
      await deps.agendaCounts.recordFailure(
        group.id,
        query,
        { kind: 'unavailable', message: 'GitHub is not configured (GITHUB_TOKEN or GITHUB_APP_*)' },
        now,
      );
      continue;
    }
    try {
      const total = await deps.search.count(query);
      await deps.agendaCounts.recordTotal(group.id, query, total, now);
      counted++;
    } catch (error) {
      if (!isIssueSearchError(error)) throw error;
      log.warn(
        { group: group.id, path: `groups.${group.id}.agenda.counts`, query, failure: error.kind, err: error },
        error.kind === 'refused'
          ? 'GitHub refused an agenda count query: fix it in the groups file (agenda.counts)'
          : 'an agenda count could not be refreshed: its last total is shown',
      );
      await deps.agendaCounts.recordFailure(
        group.id,
        query,
        { kind: error.kind, message: error.message },
        now,
      );
    }
  }
  return { counted, failed: queries.length - counted };
}
