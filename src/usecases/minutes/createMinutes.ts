import { slackAuthors } from '../../core/agenda/agendaItemText.js';
import type { GroupDirectory, ResolvedGroup } from '../../core/groupDirectory.js';
import type { MinutesSettings } from '../../core/group.js';
import { PermanentJobError } from '../../core/jobs/permanentJobError.js';
import { minutesAnnounceJobSpec, type MinutesPayload } from '../../core/minutes/minutesJobPlan.js';
import { type MinutesMeeting, minutesDocName, minutesMeetingOf } from '../../core/minutes/minutesMeeting.js';
import { minutesSetupProblem } from '../../core/minutes/minutesMessages.js';
import { minutesPlaceholders, placeholderFills } from '../../core/minutes/minutesPlaceholders.js';
import { hasSection, runningSection, runningSectionAt } from '../../core/minutes/runningSection.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import type { AgendaCountRepository } from '../../core/ports/agendaCountRepository.js';
import { countLines } from '../../core/agenda/agendaCounts.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { Log } from '../../core/ports/log.js';
import {
  type DocRef,
  isMinutesDocsError,
  type MinutesDocs,
  MinutesDocsError,
} from '../../core/ports/minutesDocs.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';
import { docNames } from './docNames.js';
import { creatingMinutes, writingDoc } from './docWrites.js';
import type { KeyedSerial } from './keyedSerial.js';
import { writeAgendaItemToMinutes } from './writeAgendaItemToMinutes.js';

export interface CreateMinutesDeps {
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly occurrences: Pick<OccurrenceRepository, 'find' | 'onDate' | 'setMinutes'>;
  readonly agenda: Pick<AgendaRepository, 'openForMeeting' | 'byId'>;
  /** The counts as the job before this one left them. */
  readonly agendaCounts: Pick<AgendaCountRepository, 'forGroup'>;
  readonly queue: Pick<JobQueue, 'enqueue'>;
  readonly workspace: Pick<SlackWorkspace, 'userNames' | 'post'>;
  /** Absent when Google is not configured. */
  readonly minutes: MinutesDocs | undefined;
  /** Shared with every other writer of minutes docs in this process. */
  readonly serial: KeyedSerial;
}

export type CreateMinutesOutcome =
  | { readonly kind: 'not-configured' }
  | { readonly kind: 'not-going-ahead' }
  | { readonly kind: 'over' }
  | { readonly kind: 'exists'; readonly docId: string }
  | { readonly kind: 'created'; readonly docId: string; readonly mode: MinutesSettings['mode'] };

/**
 * Creates one meeting's minutes: a copy of the template filled in (per-meeting), or a new
 * section at the top of the running doc, then queues the channel's announcement. Get-or-create
 * at every step, so a retry, a crash between copy and fill, or `/meeting notes` racing the
 * schedule never makes a second doc: the stored id first, then the name in the folder (or the
 * heading in the running doc). Google's 429/5xx throw and the queue retries with backoff; a
 * template or doc that is missing or not shared tells each lead once (or whoever asked) and
 * the job is parked (PermanentJobError).
 */
export async function createMinutes(
  deps: CreateMinutesDeps,
  payload: MinutesPayload,
  now: Date,
  log: Log,
): Promise<CreateMinutesOutcome> {
  const group = deps.groups.byId(payload.groupId);
  const settings = group?.minutes;
  const docs = deps.minutes;
  if (!group || !settings || !docs) return { kind: 'not-configured' };
  return creatingMinutes(deps.serial, group.id, payload.startsAt, async () => {
    const occurrence = await deps.occurrences.find(group.id, payload.startsAt);
    if (!occurrence || occurrence.status !== 'scheduled') return { kind: 'not-going-ahead' };
    if (occurrence.endsAt <= now.toISOString()) return { kind: 'over' };
    const ctx: CreateContext = { deps, docs, group, settings, occurrence, now, log };
    try {
      return await getOrCreate(ctx);
    } catch (error) {
      if (!isMinutesDocsError(error) || error.failure === 'retryable') throw error;
      if (error.failure === 'rejected') throw new PermanentJobError(error.message);
      await tellPeople(ctx, payload.requestedBy ? [payload.requestedBy] : group.leads, error);
      throw new PermanentJobError(error.message);
    }
  });
}

interface CreateContext {
  readonly deps: CreateMinutesDeps;
  readonly docs: MinutesDocs;
  readonly group: ResolvedGroup;
  readonly settings: MinutesSettings;
  readonly occurrence: Occurrence;
  readonly now: Date;
  readonly log: Log;
}

async function getOrCreate(ctx: CreateContext): Promise<CreateMinutesOutcome> {
  const { deps, docs, settings, occurrence, now } = ctx;
  const stored = occurrence.minutes ? await docs.find(occurrence.minutes.docId) : undefined;
  const meeting = await gatherMeeting(ctx);
  let outcome: CreateMinutesOutcome;
  let label: string;
  if (stored) {
    outcome = { kind: 'exists', docId: stored.id };
    label = settings.mode === 'per-meeting' ? minutesDocName(meeting) : runningSection(meeting).heading;
  } else {
    const made =
      settings.mode === 'per-meeting'
        ? await perMeetingDoc(ctx, settings, meeting)
        : await runningDocSection(ctx, settings, meeting);
    await deps.occurrences.setMinutes(occurrence.id, made.doc.id, made.doc.url, now);
    outcome = { kind: 'created', docId: made.doc.id, mode: settings.mode };
    label = made.label;
    await catchUpAgenda(ctx, meeting);
  }
  await deps.queue.enqueue(
    [minutesAnnounceJobSpec({ groupId: ctx.group.id, startsAt: occurrence.startsAt, label }, now)],
    now,
  );
  return outcome;
}

async function perMeetingDoc(
  { deps, docs, log }: CreateContext,
  settings: Extract<MinutesSettings, { mode: 'per-meeting' }>,
  meeting: MinutesMeeting,
): Promise<{ doc: DocRef; label: string }> {
  const name = minutesDocName(meeting);
  const doc =
    (await docs.findByName(settings.folderId, name)) ??
    (await docs.copyTemplate(settings.templateId, settings.folderId, name));
  // Filling again is harmless: placeholders already replaced are simply not found.
  await writingDoc(deps.serial, doc.id, log, () =>
    docs.fillTemplate(doc.id, placeholderFills(minutesPlaceholders(meeting))),
  );
  return { doc, label: name };
}

async function runningDocSection(
  { deps, docs, log }: CreateContext,
  settings: Extract<MinutesSettings, { mode: 'running' }>,
  meeting: MinutesMeeting,
): Promise<{ doc: DocRef; label: string }> {
  const doc = await docs.find(settings.docId);
  if (!doc) {
    throw new MinutesDocsError(
      'not-shared',
      404,
      `the running minutes doc ${settings.docId} is gone or not shared`,
    );
  }
  const section = runningSection(meeting);
  await writingDoc(deps.serial, doc.id, log, async () => {
    const text = await docs.text(doc.id);
    if (!hasSection(text, section.heading)) {
      await docs.insertParagraphs(doc.id, runningSectionAt(text), section.paragraphs);
    }
  });
  return { doc, label: section.heading };
}

async function gatherMeeting({ deps, group, occurrence }: CreateContext): Promise<MinutesMeeting> {
  const [agenda, sameDay] = await Promise.all([
    deps.agenda.openForMeeting(group.id, occurrence.startsAt),
    deps.occurrences.onDate(group.id, occurrence.localDate),
  ]);
  const names = await docNames(
    deps.workspace,
    [...group.leads, ...slackAuthors(agenda)],
    [occurrence.title, ...agenda.map((a) => a.topic)],
  );
  const counted = group.agendaCounts ?? [];
  const readings = counted.length > 0 ? await deps.agendaCounts.forGroup(group.id) : [];
  return minutesMeetingOf(group, occurrence, {
    agenda: agenda.map((a) => ({
      number: a.number,
      topic: a.topic,
      authorId: a.authorId,
      github: a.github,
      timeboxMinutes: a.timeboxMinutes,
    })),
    counts: countLines(counted, readings),
    names,
    sharesDate: sameDay.length > 1,
  });
}

/**
 * The items added while the doc was being made: their own jobs ran before the doc was
 * stored, found no doc and left them to this. Written like any later item, so once.
 */
async function catchUpAgenda({ deps, group, occurrence, log }: CreateContext, meeting: MinutesMeeting) {
  const listed = new Set(meeting.agenda.map((a) => a.number));
  const late = (await deps.agenda.openForMeeting(group.id, occurrence.startsAt)).filter(
    (a) => !listed.has(a.number),
  );
  for (const item of late) {
    await writeAgendaItemToMinutes(deps, { itemId: item.id, meetingStartsAt: item.meetingStartsAt }, log);
  }
}

/**
 * One direct message each about a set-up problem: the leads for the scheduled creation, or
 * whoever asked with `/meeting notes`. Someone the bot cannot reach is logged, not retried.
 */
async function tellPeople(
  ctx: CreateContext,
  people: readonly string[],
  error: MinutesDocsError,
): Promise<void> {
  const { deps, group, occurrence, log } = ctx;
  const text = minutesSetupProblem({
    groupName: group.name,
    channelLabel: group.channelLabel,
    title: occurrence.title,
    startsAt: new Date(occurrence.startsAt),
    timeZone: group.timeZone,
    settings: ctx.settings,
    failure: error.failure === 'no-storage' ? 'no-storage' : 'not-shared',
    actor: ctx.docs.actor,
  });
  log.error({ err: error, people }, 'minutes cannot be created; telling the people concerned');
  for (const person of people) {
    try {
      // A user id as the channel posts into the app's direct messages with that user.
      await deps.workspace.post(person, { text });
    } catch (e) {
      log.warn({ err: e, person }, 'could not message someone about the minutes problem');
    }
  }
}
