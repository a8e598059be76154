import { loadConfig } from '../config/env.js';
import { loadGroupsFile } from '../config/loadGroupsFile.js';
import { withoutMinutes } from '../core/minutes/withoutMinutes.js';
import { previewText } from '../core/preview/previewText.js';
import { dstNoticePreview } from '../core/preview/dstNoticePreview.js';
import { upcomingMeetings } from '../core/preview/upcomingMeetings.js';
import { type CommandResult, groupsFileSetting, type RawEnv } from './commandResult.js';

const MEETINGS_SHOWN = 5;

/**
 * `gavel preview [group]`: reads only the groups file (no database, no Slack), so a chair can
 * check a schedule change before deploying it. `now` comes from the entry point.
 */
export function previewCommand(input: {
  env: RawEnv;
  groupId: string | undefined;
  now: Date;
}): CommandResult {
  const loaded = loadGroupsFile(groupsFileSetting(input.env), input.now);
  if (!loaded.ok) {
    return {
      exitCode: 1,
      stdout: '',
      stderr: `The groups file has problems:\n  ${loaded.problems.join('\n  ')}\n`,
    };
  }
  const chosen = input.groupId ? loaded.groups.filter((g) => g.id === input.groupId) : loaded.groups;
  // As `npm start` would run them: without Google credentials there are no minutes to preview.
  const config = loadConfig(input.env);
  const minutesOff = config.ok && config.config.google === undefined && chosen.some((g) => g.minutes);
  const groups = minutesOff ? withoutMinutes(chosen).groups : chosen;
  if (groups.length === 0) {
    const known = loaded.groups.map((g) => g.id).join(', ');
    return {
      exitCode: 1,
      stdout: '',
      stderr: `No group "${input.groupId ?? ''}" in ${loaded.path}. Known groups: ${known}\n`,
    };
  }
  const header = [
    `Groups file: ${loaded.path}${loaded.usedExample ? ' (the example: no config/groups.yml yet)' : ''}`,
    'Cancellations and one-off meetings made in Slack with /meeting are not shown: they live in the database.',
    ...(minutesOff
      ? [
          'Minutes are off: Google is not configured (GOOGLE_APPLICATION_CREDENTIALS, GOOGLE_CREDENTIALS_JSON or GOOGLE_OAUTH_*), as `gavel check` says.',
        ]
      : []),
  ].join('\n');
  const sections = groups.map((g) =>
    [
      previewText(g, upcomingMeetings(g, input.now, MEETINGS_SHOWN), input.now),
      '',
      ...dstNoticePreview(g, input.now),
    ].join('\n'),
  );
  return { exitCode: 0, stdout: `${header}\n\n${sections.join('\n\n\n')}\n`, stderr: '' };
}
