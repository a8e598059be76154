import { formatZoned } from '../zonedFormat.js';
import type { MinutesSettings } from '../group.js';
import { escapePlain } from '../mrkdwn.js';
import type { MinutesDocsFailure } from '../ports/minutesDocs.js';

/** `Thu 26 Nov 2026`: short enough for a channel line. */
const shortDate = (startsAt: Date, timeZone: string) => formatZoned(startsAt, timeZone, 'EEE d MMM yyyy');

/** What the bot posts in the channel when it has created (or found) a meeting's minutes. */
export function minutesAnnouncement(input: {
  readonly title: string;
  readonly startsAt: Date;
  readonly timeZone: string;
  readonly url: string;
  readonly docName: string;
}): string {
  return `:memo: Minutes for *${escapePlain(input.title)}* on ${shortDate(input.startsAt, input.timeZone)}: <${input.url}|${escapePlain(input.docName)}>`;
}

/**
 * The one message each lead gets when the minutes cannot be created because of how Google is
 * set up: what is wrong and what to change, since retrying will not help.
 */
export function minutesSetupProblem(input: {
  readonly groupName: string;
  readonly channelLabel: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly timeZone: string;
  readonly settings: MinutesSettings;
  readonly failure: Extract<MinutesDocsFailure, 'not-shared' | 'no-storage'>;
  /** The account the docs are created as, when known. */
  readonly actor: string | undefined;
}): string {
  const { settings, actor } = input;
  const who = actor ? `\`${actor}\`` : 'the account gavel uses';
  const meeting = `*${escapePlain(input.title)}* on ${shortDate(input.startsAt, input.timeZone)}`;
  const head = `:warning: I could not create the minutes of *${escapePlain(input.groupName)}* for ${meeting}.`;
  const again = `Then run \`/meeting notes\` in ${input.channelLabel} to try again.`;
  if (input.failure === 'no-storage') {
    return [
      head,
      `Google refused to store the copy: ${who} has no Drive storage of its own, so it cannot own files in an ordinary My Drive folder.`,
      'Put the minutes folder on a shared drive (and add the account as a Content manager), or have the operator set up domain-wide delegation (GOOGLE_IMPERSONATE) or an OAuth refresh token (see the README).',
      again,
    ].join('\n');
  }
  const what =
    settings.mode === 'per-meeting'
      ? `the template doc \`${settings.templateId}\` or the folder \`${settings.folderId}\``
      : `the running minutes doc \`${settings.docId}\``;
  const share =
    settings.mode === 'per-meeting'
      ? `Share the template with ${who} (Viewer is enough) and the folder (Editor).`
      : `Share the doc with ${who} as an Editor.`;
  return [head, `Google says ${what} does not exist or is not shared with ${who}.`, share, again].join('\n');
}
