import { helpText } from '../../core/agenda/agendaReplies.js';
import { MEETINGS_HELP, parseMeetingsCommand } from '../../core/foundation/meetingsCommand.js';
import { meetingsOverview as overviewText } from '../../core/foundation/meetingsOverview.js';
import { type MeetingsOverviewDeps, meetingsOverview } from '../../usecases/foundation/meetingsOverview.js';
import type { CommandInput } from '../commands/commandListener.js';
import { deferred, ephemeral, type Reply } from '../reply.js';

/** `/meetings [week]`, in any channel or DM: answered after the ack (users.info is remote). */
export function meetingsCommand(
  deps: MeetingsOverviewDeps,
): (input: Omit<CommandInput, 'group'>) => Promise<Reply> {
  return ({ text, userId }) => {
    const parsed = parseMeetingsCommand(text);
    if (parsed.kind === 'help') {
      return Promise.resolve(ephemeral(helpText(MEETINGS_HELP, parsed.unknown, 'a `/meetings` command')));
    }
    return Promise.resolve(
      deferred(async () => {
        const { groups, userZone } = await meetingsOverview(deps, { userId, mode: parsed.kind });
        return ephemeral(overviewText({ mode: parsed.kind, groups, userZone }));
      }),
    );
  };
}
