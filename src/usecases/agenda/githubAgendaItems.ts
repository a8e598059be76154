import { clipCharacters } from '../../core/agenda/characters.js';
import { TOPIC_MAX } from '../../core/agenda/agendaCommand.js';
import { slackUserOfLogin } from '../../core/agenda/githubAgendaPlan.js';
import { meetingInProgress, upcomingMeetings } from '../../core/agenda/meetingChoice.js';
import { DAY_MS } from '../../core/duration.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { AgendaItem } from '../../core/model/agendaItem.js';
import { agendaMinutesJobs } from '../../core/minutes/agendaMinutesJob.js';
import type { AgendaRepository, GithubUpsert } from '../../core/ports/agendaRepository.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { LabelledIssue } from '../../core/ports/labelledIssues.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';

export interface GithubAgendaDeps {
  readonly occurrences: Pick<OccurrenceRepository, 'between'>;
  readonly agenda: Pick<
    AgendaRepository,
    'forMeeting' | 'openFromGithub' | 'upsertFromGithub' | 'removeFromGithub'
  >;
  readonly queue: Pick<JobQueue, 'enqueue'>;
}

/** How many meetings ahead an issue may land (when the next ones already have it covered). */
const MEETINGS_TRIED = 4;
const AHEAD_MS = 400 * DAY_MS;

/**
 * Puts labelled issues on a group's agenda, or brings their open items up to date. A new item
 * goes where `/agenda add` would put it (the meeting in progress, else the next), but never
 * on a meeting whose record has the issue already (covered there, it waits for the next
 * one). An item added after its meeting's minutes were made is queued for the doc, as typed
 * items are. Returns what became of each.
 */
export async function placeGithubItems(
  deps: GithubAgendaDeps,
  group: ResolvedGroup,
  issues: readonly LabelledIssue[],
  now: Date,
): Promise<{ readonly item: AgendaItem; readonly change: GithubUpsert }[]> {
  if (issues.length === 0) return [];
  const around = await deps.occurrences.between(
    group.id,
    new Date(now.getTime() - DAY_MS),
    new Date(now.getTime() + AHEAD_MS),
  );
  const current = meetingInProgress(around, now);
  const meetings = [...(current ? [current] : []), ...upcomingMeetings(around, now)].slice(0, MEETINGS_TRIED);
  const onMeeting = new Map<string, Promise<AgendaItem[]>>();
  const itemsOf = (startsAt: string) => {
    if (!onMeeting.has(startsAt)) onMeeting.set(startsAt, deps.agenda.forMeeting(group.id, startsAt));
    return onMeeting.get(startsAt)!;
  };
  // An issue's open item stays on its meeting (moved there, perhaps): the upsert updates it.
  const open = new Map(
    (await deps.agenda.openFromGithub(group.id)).map((i) => [
      `${i.github?.repo}#${i.github?.number}`,
      i.meetingStartsAt,
    ]),
  );
  const freeMeeting = async (issue: LabelledIssue) => {
    for (const m of meetings) {
      const there = await itemsOf(m.startsAt);
      if (!there.some((i) => i.github?.repo === issue.repo && i.github.number === issue.number)) {
        return m.startsAt;
      }
    }
    return undefined;
  };
  const results: { item: AgendaItem; change: GithubUpsert }[] = [];
  for (const issue of issues) {
    const target = open.get(`${issue.repo}#${issue.number}`) ?? (await freeMeeting(issue));
    // No meeting to put it on (none planned): it arrives with the first sync after one is.
    if (target === undefined) continue;
    const result = await deps.agenda.upsertFromGithub(
      {
        groupId: group.id,
        meetingStartsAt: target,
        topic: clipCharacters(issue.title.replace(/\s+/g, ' ').trim() || `#${issue.number}`, TOPIC_MAX),
        authorId: slackUserOfLogin(group, issue.login),
        github: {
          repo: issue.repo,
          number: issue.number,
          kind: issue.kind,
          url: safeUrl(issue.url, issue),
          login: issue.login,
        },
      },
      now,
    );
    if (result.change === 'added')
      await deps.queue.enqueue(agendaMinutesJobs(group, [result.item], now), now);
    results.push(result);
  }
  return results;
}

/**
 * The link as a Slack `<url|label>` and a doc can carry it. GitHub's own `html_url` always is;
 * anything else (a proxy's answer) falls back to the address github.com gives the issue.
 */
function safeUrl(url: string, issue: LabelledIssue): string {
  if (/^https?:\/\/[^\s<>|"]+$/.test(url)) return url;
  return `https://github.com/${issue.repo}/${issue.kind === 'pull-request' ? 'pull' : 'issues'}/${issue.number}`;
}
