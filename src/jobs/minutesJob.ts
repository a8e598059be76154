import type { ResolvedGroup } from '../core/groupDirectory.js';
import type { MinutesSettings } from '../core/group.js';
import {
  type DocRef,
  isMinutesDocsError,
  type MinutesDocs,
  MinutesDocsError,
} from '../core/minutes/minutesDocs.js';
import type { MinutesPayload } from '../core/minutes/minutesJobPlan.js';
import { type MinutesMeeting, minutesDocName } from '../core/minutes/minutesMeeting.js';
import { minutesSetupProblem } from '../core/minutes/minutesMessages.js';
import { minutesPlaceholders, placeholderRequests } from '../core/minutes/minutesPlaceholders.js';
import { hasSection, runningSection } from '../core/minutes/runningSection.js';
import type { Logger } from '../log/logger.js';
import { keyedSerial } from './keyedSerial.js';
import type { Services } from '../services.js';
import type { Occurrence } from '../core/model/occurrence.js';
import { type JobHandler, PermanentJobError, parsePayload } from './jobHandler.js';
import { minutesAnnounceJobSpec } from './minutesAnnounceJob.js';
import { slackNames } from './minutesNames.js';

export { MINUTES_JOB } from '../core/minutes/minutesJobPlan.js';

/**
 * Creates one meeting's minutes: a copy of the template filled in (per-meeting), or a new
 * section at the top of the running doc. Get-or-create at every step, so a retry, a crash
 * between copy and fill, or `/meeting notes` racing the schedule never makes a second doc:
 * the stored id first, then the name in the folder (or the heading in the running doc).
 * Google's 429/5xx throw and the queue retries with backoff; a template or doc that is
 * missing or not shared tells each lead once (or whoever asked) and parks the job.
 */
export function minutesJob(services: Services): JobHandler {
  const serial = keyedSerial();
  return async (job, { now, log }) => {
    const payload = parsePayload<MinutesPayload>(job);
    const group = services.groups.byId(payload.groupId);
    const settings = group?.minutes;
    const docs = services.minutes;
    if (!group || !settings || !docs) {
      log.info(
        { group: payload.groupId },
        'minutes skipped: not configured for the group (or Google is off)',
      );
      return;
    }
    await serial(`${group.id}|${payload.startsAt}`, async () => {
      const occurrence = await services.occurrences.find(group.id, payload.startsAt);
      if (!occurrence || occurrence.status !== 'scheduled') {
        log.info('minutes skipped: the meeting is cancelled or gone');
        return;
      }
      if (occurrence.endsAt <= now.toISOString()) {
        log.info('minutes skipped: the meeting is over');
        return;
      }
      try {
        await createMinutes({ services, docs, group, settings, occurrence, now, log });
      } catch (error) {
        if (!isMinutesDocsError(error) || error.failure === 'retryable') throw error;
        if (error.failure === 'rejected') throw new PermanentJobError(error.message);
        await tellPeople(services, payload.requestedBy ? [payload.requestedBy] : group.leads, {
          group,
          settings,
          occurrence,
          error,
          log,
        });
        throw new PermanentJobError(error.message);
      }
    });
  };
}

interface CreateContext {
  readonly services: Services;
  readonly docs: MinutesDocs;
  readonly group: ResolvedGroup;
  readonly settings: MinutesSettings;
  readonly occurrence: Occurrence;
  readonly now: Date;
  readonly log: Logger;
}

async function createMinutes(ctx: CreateContext): Promise<void> {
  const { services, docs, occurrence, now, log } = ctx;
  const stored = occurrence.minutes ? await docs.find(occurrence.minutes.docId) : undefined;
  const meeting = await gatherMeeting(ctx);
  let label: string;
  if (stored) {
    log.info({ doc: stored.id }, 'minutes already exist');
    label = ctx.settings.mode === 'per-meeting' ? minutesDocName(meeting) : runningSection(meeting).heading;
  } else {
    const made =
      ctx.settings.mode === 'per-meeting'
        ? await perMeetingDoc(docs, ctx.settings, meeting)
        : await runningDocSection(docs, ctx.settings, meeting);
    await services.occurrences.setMinutes(occurrence.id, made.doc.id, made.doc.url, now);
    log.info({ doc: made.doc.id, mode: ctx.settings.mode }, 'minutes created');
    label = made.label;
  }
  await services.queue.enqueue(
    [minutesAnnounceJobSpec({ groupId: ctx.group.id, startsAt: occurrence.startsAt, label }, now)],
    now,
  );
}

async function perMeetingDoc(
  docs: MinutesDocs,
  settings: Extract<MinutesSettings, { mode: 'per-meeting' }>,
  meeting: MinutesMeeting,
): Promise<{ doc: DocRef; label: string }> {
  const name = minutesDocName(meeting);
  const doc =
    (await docs.findByName(settings.folderId, name)) ??
    (await docs.copyTemplate(settings.templateId, settings.folderId, name));
  // Filling again is harmless: placeholders already replaced are simply not found.
  await docs.update(doc.id, placeholderRequests(minutesPlaceholders(meeting)));
  return { doc, label: name };
}

async function runningDocSection(
  docs: MinutesDocs,
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
  if (!hasSection(await docs.text(doc.id), section.heading)) await docs.update(doc.id, section.requests);
  return { doc, label: section.heading };
}

async function gatherMeeting(ctx: CreateContext): Promise<MinutesMeeting> {
  const { services, group, occurrence, log } = ctx;
  const [agenda, sameDay] = await Promise.all([
    services.agenda.openForMeeting(group.id, occurrence.startsAt),
    services.occurrences.onDate(group.id, occurrence.localDate),
  ]);
  const names = await slackNames(services.slack, [...group.leads, ...agenda.map((a) => a.authorId)], log);
  return {
    groupName: group.name,
    title: occurrence.title,
    startsAt: new Date(occurrence.startsAt),
    timeZone: group.timeZone,
    localDate: occurrence.localDate,
    joinUrl: occurrence.joinUrl,
    agenda: agenda.map((a) => ({ number: a.number, topic: a.topic, authorId: a.authorId })),
    leads: group.leads,
    names,
    sharesDate: sameDay.length > 1,
  };
}

/**
 * One direct message each about a set-up problem: the leads for the scheduled creation, or
 * whoever asked with `/meeting notes`. Someone the bot cannot reach is logged, not retried.
 */
async function tellPeople(
  services: Services,
  people: readonly string[],
  about: {
    readonly group: ResolvedGroup;
    readonly settings: MinutesSettings;
    readonly occurrence: Occurrence;
    readonly error: MinutesDocsError;
    readonly log: Logger;
  },
): Promise<void> {
  const { group, occurrence, error, log } = about;
  const text = minutesSetupProblem({
    groupName: group.name,
    channelLabel: group.channelLabel,
    title: occurrence.title,
    startsAt: new Date(occurrence.startsAt),
    timeZone: group.timeZone,
    settings: about.settings,
    failure: error.failure === 'no-storage' ? 'no-storage' : 'not-shared',
    actor: services.minutes?.actor,
  });
  log.error({ err: error, people }, 'minutes cannot be created; telling the people concerned');
  for (const person of people) {
    try {
      // A user id as the channel posts into the app's direct messages with that user.
      await services.slack.chat.postMessage({ channel: person, text });
    } catch (e) {
      log.warn({ err: e, person }, 'could not message someone about the minutes problem');
    }
  }
}
