import type { ArchivePublishPayload } from '../../core/archive/archiveJobs.js';
import { fillArchivePattern, relativeLink } from '../../core/archive/archivePath.js';
import {
  MAX_UPDATES,
  publicationBody,
  publicationBranch,
  publicationCommitMessage,
  publicationPost,
  publicationRefusedDm,
  publicationTitle,
  type PublicationContents,
  type PublishedMeeting,
} from '../../core/archive/archivePublication.js';
import { decisionsIndex } from '../../core/archive/decisionsIndex.js';
import { meetingArchiveFile, type MeetingArchiveInput } from '../../core/archive/meetingArchiveFile.js';
import { minutesSection } from '../../core/archive/minutesSection.js';
import type { ArchiveSettings } from '../../core/group.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import { PermanentJobError } from '../../core/jobs/permanentJobError.js';
import { minutesMeetingOf, runningSectionHeading } from '../../core/minutes/minutesMeeting.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import { isIssueTrackerError, type RepoRef } from '../../core/ports/issueTracker.js';
import { isMinutesDocsError, type MinutesDocs } from '../../core/ports/minutesDocs.js';
import type { ArchiveFile, PullRequestRef, RepositoryArchive } from '../../core/ports/repositoryArchive.js';
import { meetingOutcome } from '../record/meetingOutcome.js';
import { threadForPost } from '../record/meetingThread.js';
import { postOnce } from '../record/postOnce.js';
import type { RecordDeps } from '../record/recordDeps.js';

export type PublishDeps = Pick<
  RecordDeps,
  'groups' | 'occurrences' | 'agenda' | 'actionItems' | 'records' | 'effects' | 'workspace'
> & {
  /** Absent when GitHub is not configured: nothing can be published. */
  readonly archive: RepositoryArchive | undefined;
  readonly minutes: Pick<MinutesDocs, 'markdown'> | undefined;
};

export type PublishOutcome =
  'published' | 'unchanged' | 'already-merged' | 'skipped' | 'no-github' | 'too-many-updates';

/**
 * Publishes a meeting that is over to its group's repository: its file and the decisions
 * index in one commit, on a branch of its own with a pull request (or straight onto the
 * default branch in `mode: commit`), then a note in the meeting's thread. `jobKey` keys that
 * note: each run of the job posts it once.
 *
 * Every step is found again before it is repeated, so a crash, a lost answer or a second
 * replica at any point still ends with one branch, one commit of these contents and one pull
 * request: the branch is named after the meeting, a commit that would change nothing is not
 * made, and a pull request from the branch is looked for before one is opened.
 */
export async function publishMeeting(
  deps: PublishDeps,
  payload: ArchivePublishPayload,
  jobKey: string,
  now: Date,
): Promise<PublishOutcome> {
  const group = deps.groups.byId(payload.groupId);
  const archive = group?.archive;
  const occurrence = group ? await deps.occurrences.find(group.id, payload.startsAt) : undefined;
  if (!group || !archive || occurrence?.status !== 'scheduled') return 'skipped';
  if (!deps.archive) return 'no-github';
  const meeting = publishedMeeting(group, archive, occurrence);
  const repo: RepoRef = { owner: archive.owner, repo: archive.repo };
  try {
    const { files, contents } = await publicationFiles(deps, group, archive, occurrence);
    const base = await deps.archive.defaultBranch(repo);
    if (archive.mode === 'commit') {
      const { changed } = await deps.archive.commitFiles(repo, {
        branch: base,
        base,
        files,
        message: publicationCommitMessage(meeting),
      });
      const fileUrl = `https://github.com/${repo.owner}/${repo.repo}/blob/${base}/${contents.meetingPath}`;
      await tell(deps, { group, occurrence, payload, jobKey, now, firstKey: 'commit', changed }, (news) =>
        publicationPost(meeting, { kind: 'commit', fileUrl }, news),
      );
      return changed ? 'published' : 'unchanged';
    }
    const target = await pullRequestBranch(deps.archive, repo, meeting, payload.manual);
    if (target === 'already-merged' || target === 'too-many-updates') return target;
    if (target.merged && !target.open && (await holds(deps.archive, repo, base, files))) {
      // Published and merged, and nothing changed since: an update would be empty.
      const { url, number } = target.merged;
      await tell(
        deps,
        { group, occurrence, payload, jobKey, now, firstKey: `pull-${number}`, changed: false },
        (news) => publicationPost(meeting, { kind: 'pull-request', url, number }, news),
      );
      return 'unchanged';
    }
    const { changed } = await deps.archive.commitFiles(repo, {
      branch: target.branch,
      base,
      files,
      message: publicationCommitMessage(meeting),
    });
    const pull = {
      title: publicationTitle(meeting, target.update > 0),
      body: publicationBody(meeting, contents),
    };
    let pr = target.open;
    if (pr) {
      if (changed) await deps.archive.updatePullRequest(repo, pr.number, pull);
    } else {
      pr = await deps.archive.openPullRequest(repo, { branch: target.branch, base, ...pull });
    }
    const { url, number } = pr;
    await tell(
      deps,
      { group, occurrence, payload, jobKey, now, firstKey: `pull-${number}`, changed },
      (news) => publicationPost(meeting, { kind: 'pull-request', url, number }, news),
    );
    return changed || !target.open ? 'published' : 'unchanged';
  } catch (error) {
    if (isIssueTrackerError(error) && error.failure.kind === 'permanent') {
      await tellLeads(deps, group, meeting, archive, error.failure.status, error.message, jobKey, now);
      throw new PermanentJobError(error.message);
    }
    throw error;
  }
}

function publishedMeeting(
  group: ResolvedGroup,
  archive: ArchiveSettings,
  occurrence: Occurrence,
): PublishedMeeting {
  return {
    groupId: group.id,
    groupName: group.name,
    title: occurrence.title,
    startsAt: occurrence.startsAt,
    timeZone: group.timeZone,
    localDate: occurrence.localDate,
    meetingId: archive.pathPattern.includes('{meeting}') ? (occurrence.ruleId ?? 'extra') : undefined,
  };
}

const meetingPath = (
  archive: ArchiveSettings,
  group: ResolvedGroup,
  o: Pick<Occurrence, 'localDate' | 'ruleId'>,
) =>
  fillArchivePattern(archive.pathPattern, {
    date: o.localDate,
    groupId: group.id,
    meetingId: o.ruleId ?? 'extra',
  });

/** The two files of the change, and what they hold (for the pull request's body). */
async function publicationFiles(
  deps: PublishDeps,
  group: ResolvedGroup,
  archive: ArchiveSettings,
  occurrence: Occurrence,
): Promise<{ files: ArchiveFile[]; contents: PublicationContents }> {
  const path = meetingPath(archive, group, occurrence);
  const [outcome, minutes, allDecisions] = await Promise.all([
    meetingOutcome(deps, group, occurrence),
    minutesOf(deps, group, occurrence),
    deps.records.allDecisions(group.id),
  ]);
  const file: MeetingArchiveInput = {
    groupId: group.id,
    groupName: group.name,
    title: occurrence.title,
    startsAt: new Date(occurrence.startsAt),
    durationMinutes: Math.round((Date.parse(occurrence.endsAt) - Date.parse(occurrence.startsAt)) / 60_000),
    timeZone: group.timeZone,
    localDate: occurrence.localDate,
    minutesUrl: occurrence.minutes?.url ?? null,
    recordingUrl: outcome.recordingUrl,
    minutes,
    attendees: outcome.attendees,
    covered: outcome.covered,
    rolledOver: outcome.rolledOver,
    decisions: outcome.decisions,
    actionItems: outcome.actionItems.map((i) => ({
      ...i,
      owners: i.owners.map((o) => outcome.names.get(o) ?? o),
    })),
    decisionsLink: relativeLink(path, archive.decisionsPath),
  };
  const meetings = await meetingsOf(
    deps,
    group,
    allDecisions.map((d) => d.meetingStartsAt),
  );
  const index = decisionsIndex({
    groupName: group.name,
    timeZone: group.timeZone,
    decisions: allDecisions.map((d) => {
      const o = meetings.get(d.meetingStartsAt);
      return {
        number: d.number,
        text: d.text,
        reference: d.reference,
        meetingStartsAt: d.meetingStartsAt,
        meetingTitle: o?.title ?? 'meeting',
        meetingLink: relativeLink(archive.decisionsPath, o ? meetingPath(archive, group, o) : path),
      };
    }),
  });
  return {
    files: [
      { path, content: meetingArchiveFile(file) },
      { path: archive.decisionsPath, content: index },
    ],
    contents: {
      meetingPath: path,
      decisionsPath: archive.decisionsPath,
      attendees: outcome.attendees.length,
      decisions: outcome.decisions.length,
      actionItems: outcome.actionItems.length,
      indexedDecisions: allDecisions.length,
      minutes: minutes.kind,
      minutesUrl: occurrence.minutes?.url ?? null,
    },
  };
}

/** The minutes doc as Markdown; in running-doc mode only this meeting's section. */
async function minutesOf(
  deps: Pick<PublishDeps, 'minutes' | 'occurrences'>,
  group: ResolvedGroup,
  occurrence: Occurrence,
): Promise<MeetingArchiveInput['minutes']> {
  const doc = occurrence.minutes;
  if (!deps.minutes || !doc) return { kind: 'absent' };
  let markdown: string;
  try {
    markdown = await deps.minutes.markdown(doc.docId);
  } catch (error) {
    // Outages are retried; a doc gavel may no longer read is published without its text.
    if (!isMinutesDocsError(error) || error.failure === 'retryable') throw error;
    return {
      kind: 'unreadable',
      why: error.failure === 'not-shared' ? 'it is no longer shared with gavel' : error.message,
    };
  }
  if (group.minutes?.mode !== 'running') return { kind: 'markdown', text: markdown };
  const sameDay = (
    await deps.occurrences.between(
      group.id,
      new Date(Date.parse(occurrence.startsAt) - 86_400_000),
      new Date(Date.parse(occurrence.startsAt) + 86_400_000),
    )
  ).filter((o) => o.localDate === occurrence.localDate && o.status === 'scheduled');
  const heading = runningSectionHeading(
    minutesMeetingOf(group, occurrence, { agenda: [], names: {}, sharesDate: sameDay.length > 1 }),
  );
  const section = minutesSection(markdown, heading);
  return section === undefined
    ? { kind: 'unreadable', why: `the running doc has no section “${heading}”` }
    : { kind: 'markdown', text: section };
}

/** The meetings the decisions were made at, by start (one read of the span they cover). */
async function meetingsOf(
  deps: Pick<PublishDeps, 'occurrences'>,
  group: ResolvedGroup,
  startsAts: readonly string[],
): Promise<Map<string, Occurrence>> {
  if (startsAts.length === 0) return new Map();
  const times = startsAts.map((s) => Date.parse(s));
  const found = await deps.occurrences.between(
    group.id,
    new Date(Math.min(...times)),
    new Date(Math.max(...times) + 1),
  );
  return new Map(found.map((o) => [o.startsAt, o]));
}

type BranchTarget =
  | {
      readonly branch: string;
      readonly update: number;
      readonly open: PullRequestRef | undefined;
      /** The last pull request of this meeting that was merged, when there is one. */
      readonly merged: PullRequestRef | undefined;
    }
  | 'already-merged'
  | 'too-many-updates';

/**
 * Where this publication goes: the meeting's branch, unless its pull request was merged or
 * closed. Then the scheduled run has nothing left to do, and a lead's `/meeting publish` goes
 * to the first update branch without a merged pull request.
 */
async function pullRequestBranch(
  archive: RepositoryArchive,
  repo: RepoRef,
  meeting: PublishedMeeting,
  manual: boolean,
): Promise<BranchTarget> {
  let merged: PullRequestRef | undefined;
  for (let update = 0; update <= MAX_UPDATES; update++) {
    const branch = publicationBranch(meeting, update);
    const pr = await archive.findPullRequest(repo, branch);
    if (!pr) return { branch, update, open: undefined, merged };
    if (pr.state === 'open') return { branch, update, open: pr, merged };
    if (!manual) return 'already-merged';
    if (pr.state === 'merged') merged = pr;
  }
  return 'too-many-updates';
}

/** Whether the branch already holds exactly these files. */
async function holds(
  archive: RepositoryArchive,
  repo: RepoRef,
  branch: string,
  files: readonly ArchiveFile[],
): Promise<boolean> {
  const found = await Promise.all(files.map((f) => archive.readFile(repo, branch, f.path)));
  return files.every((f, i) => found[i] === f.content);
}

/**
 * The note in the meeting's thread. The first one about a pull request (or the first commit)
 * is keyed by it, so a run that died after GitHub opened it still announces it, and no run
 * announces it twice; a lead's `/meeting publish` after that gets a note of its own, keyed by
 * its job.
 */
async function tell(
  deps: Pick<PublishDeps, 'effects' | 'workspace'>,
  run: {
    readonly group: ResolvedGroup;
    readonly occurrence: Occurrence;
    readonly payload: ArchivePublishPayload;
    readonly jobKey: string;
    readonly now: Date;
    readonly firstKey: string;
    readonly changed: boolean;
  },
  text: (news: 'first' | 'changed' | 'unchanged') => string,
): Promise<void> {
  const { group, occurrence, now } = run;
  const firstKey = `archive-post:${group.id}:${occurrence.startsAt}:${run.firstKey}`;
  const announced = (await deps.effects.state(firstKey))?.state === 'done';
  if (announced && !run.payload.manual) return;
  const [key, news] = announced
    ? [`archive-post:${run.jobKey}`, run.changed ? ('changed' as const) : ('unchanged' as const)]
    : [firstKey, 'first' as const];
  const threadTs = await threadForPost(deps, group.id, occurrence.startsAt, now);
  await postOnce(
    deps,
    key,
    group.channelId,
    { text: text(news), unfurl: false, ...(threadTs ? { threadTs } : {}) },
    now,
  );
}

async function tellLeads(
  deps: Pick<PublishDeps, 'effects' | 'workspace'>,
  group: ResolvedGroup,
  meeting: PublishedMeeting,
  archive: ArchiveSettings,
  status: number,
  why: string,
  jobKey: string,
  now: Date,
): Promise<void> {
  const text = publicationRefusedDm(meeting, archive, status, why);
  for (const lead of group.leads) {
    await postOnce(deps, `archive-refused:${jobKey}:${lead}`, lead, { text }, now);
  }
}
