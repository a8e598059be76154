import { DIGEST_JOB } from '../core/digest/digestWeek.js';
import { digestJob } from '../jobs/digestJob.js';
import type { JobHandlers } from '../jobs/jobHandler.js';
import type { Services } from '../services.js';
import { anyChannelCommandListener } from '../slack/commands/commandListener.js';
import type { SlackApp } from '../slack/createSlackApp.js';
import { meetingsCommand } from '../slack/foundation/meetingsCommand.js';

/** What spans every group: `/meetings` and the weekly digest. */
export function wireFoundation(services: Services): { register(slack: SlackApp): void; jobs: JobHandlers } {
  const { log, clock, groups, occurrences, workspace } = services;
  return {
    jobs: {
      [DIGEST_JOB]: digestJob({
        groups,
        occurrences,
        workspace,
        digest: services.digest,
        effects: services.effects,
        audience: services.audience,
      }),
    },
    register: (slack) =>
      slack.command(
        '/meetings',
        anyChannelCommandListener({ log }, meetingsCommand({ clock, groups, occurrences, workspace })),
      ),
  };
}
