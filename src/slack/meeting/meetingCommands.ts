import { parseMeetingCommand } from '../../core/meeting/meetingCommand.js';
import { addedReply, cancellationReply, nextMeetingReply } from '../../core/meeting/meetingReplies.js';
import { type AddMeetingDeps, addMeeting } from '../../usecases/meeting/addMeeting.js';
import {
  type CancelMeetingDeps,
  cancelMeeting,
  restoreMeeting,
} from '../../usecases/meeting/cancelMeeting.js';
import { type MeetingNotesDeps, meetingNotes } from '../../usecases/meeting/meetingNotes.js';
import { type NextMeetingDeps, nextMeeting } from '../../usecases/meeting/nextMeeting.js';
import type { CommandInput } from '../commands/commandListener.js';
import { MEETING_HELP } from '../commands/helpText.js';
import { deferred, ephemeral, inChannel, type Reply } from '../reply.js';

export type MeetingCommandDeps = CancelMeetingDeps & AddMeetingDeps & NextMeetingDeps & MeetingNotesDeps;

/** `/meeting next | notes | cancel <date> | restore <date> | add <date> <time> [title]`. */
export function meetingCommand(deps: MeetingCommandDeps): (input: CommandInput) => Promise<Reply> {
  return async ({ text, userId, group }) => {
    const parsed = parseMeetingCommand(text);
    switch (parsed.kind) {
      case 'help':
        return ephemeral(MEETING_HELP);
      case 'invalid':
        return ephemeral(`:warning: ${parsed.message}`);
      case 'next':
        // users.info is a remote call: answered after the ack.
        return deferred(async () => {
          const { next, userZone } = await nextMeeting(deps, { group, userId });
          return ephemeral(nextMeetingReply(group, next, userZone));
        });
      case 'notes':
        return ephemeral(await meetingNotes(deps, { group, userId }));
      case 'cancel':
      case 'restore': {
        const cancel = parsed.kind === 'cancel';
        const input = { group, userId, date: parsed.date };
        const result = await (cancel ? cancelMeeting(deps, input) : restoreMeeting(deps, input));
        const reply = cancellationReply(result, cancel, userId, group.timeZone);
        return reply.inChannel ? inChannel(reply.text) : ephemeral(reply.text);
      }
      case 'add': {
        const added = await addMeeting(deps, {
          group,
          userId,
          date: parsed.date,
          time: parsed.time,
          title: parsed.title,
        });
        return inChannel(addedReply(added, userId, group.timeZone));
      }
    }
  };
}
