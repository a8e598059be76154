import { minutesAnnouncement } from '../core/minutes/minutesMessages.js';
import type { JobSpec } from '../core/ports/jobQueue.js';
import type { Services } from '../services.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

export const MINUTES_ANNOUNCE_JOB = 'minutes-announce';

export interface MinutesAnnouncePayload {
  readonly groupId: string;
  readonly startsAt: string;
  /** The doc's name, or the running doc's section heading: the link's label. */
  readonly label: string;
}

/**
 * The channel post that announces a meeting's minutes, as a job of its own keyed by the
 * meeting: however often the creating job runs (a retry, `/meeting notes`), it is posted once.
 */
export function minutesAnnounceJobSpec(payload: MinutesAnnouncePayload, now: Date): JobSpec {
  return {
    key: `${MINUTES_ANNOUNCE_JOB}:${payload.groupId}:${payload.startsAt}`,
    kind: MINUTES_ANNOUNCE_JOB,
    runAt: now,
    payload,
  };
}

export function minutesAnnounceJob(services: Services): JobHandler {
  return async (job, { log }) => {
    const payload = parsePayload<MinutesAnnouncePayload>(job);
    const group = services.groups.byId(payload.groupId);
    const occurrence = group && (await services.occurrences.find(group.id, payload.startsAt));
    if (!group || !occurrence?.minutes?.url || occurrence.status !== 'scheduled') {
      log.info({ group: payload.groupId }, 'minutes announcement skipped: no scheduled meeting with minutes');
      return;
    }
    await services.slack.chat.postMessage({
      channel: group.channelId,
      text: minutesAnnouncement({
        title: occurrence.title,
        startsAt: new Date(occurrence.startsAt),
        timeZone: group.timeZone,
        url: occurrence.minutes.url,
        docName: payload.label,
      }),
      unfurl_links: false,
      unfurl_media: false,
    });
    log.info('minutes announced');
  };
}
