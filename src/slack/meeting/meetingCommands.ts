import { helpText } from '../../core/agenda/agendaReplies.js';
import { parseMeetingCommand } from '../../core/meeting/meetingCommand.js';
import { addedReply, cancellationReply, nextMeetingReply } from '../../core/meeting/meetingReplies.js';
import { attendanceReply, checkedInReply, votersReply } from '../../core/record/recordReplies.js';
import { type AddMeetingDeps, addMeeting } from '../../usecases/meeting/addMeeting.js';
import {
  type CancelMeetingDeps,
  cancelMeeting,
  restoreMeeting,
} from '../../usecases/meeting/cancelMeeting.js';
import { type MeetingNotesDeps, meetingNotes } from '../../usecases/meeting/meetingNotes.js';
import { type NextMeetingDeps, nextMeeting } from '../../usecases/meeting/nextMeeting.js';
import {
  requestPublication,
  type RequestPublicationDeps,
} from '../../usecases/archive/requestPublication.js';
import { attendanceReport } from '../../usecases/record/attendanceReport.js';
import { checkIn, type CheckInDeps } from '../../usecases/record/checkIn.js';
import type { RecordDeps } from '../../usecases/record/recordDeps.js';
import { recordAbsence } from '../../usecases/record/recordAbsence.js';
import { setRecording } from '../../usecases/record/setRecording.js';
import { votersForNextMeeting } from '../../usecases/record/votersForNextMeeting.js';
import type { CommandInput } from '../commands/commandListener.js';
import { MEETING_HELP } from '../commands/helpText.js';
import { deferred, ephemeral, inChannel, type Reply } from '../reply.js';

export type MeetingCommandDeps = CancelMeetingDeps &
  RequestPublicationDeps &
  AddMeetingDeps &
  NextMeetingDeps &
  MeetingNotesDeps &
  CheckInDeps &
  Pick<RecordDeps, 'records'>;

/**
 * `/meeting next | notes | cancel | restore | add | here | attendance | recording | voters |
 * absent | publish`. Everything answered before the ack reads only the database.
 */
export function meetingCommand(deps: MeetingCommandDeps): (input: CommandInput) => Promise<Reply> {
  return async ({ text, userId, group }) => {
    const parsed = parseMeetingCommand(text);
    switch (parsed.kind) {
      case 'help':
        return ephemeral(helpText(MEETING_HELP, parsed.unknown, 'a `/meeting` command'));
      case 'invalid':
        return ephemeral(`:warning: ${parsed.message}`);
      case 'next':
        // users.info is a remote call: answered after the ack.
        return deferred(async () => {
          const { next, userZone, skipped } = await nextMeeting(deps, { group, userId });
          return ephemeral(nextMeetingReply(group, next, userZone, skipped));
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
      case 'here': {
        const done = await checkIn(deps, { group, userId, others: parsed.users });
        return ephemeral(checkedInReply(done.newly, done.already, done.label, done.byOther));
      }
      case 'attendance':
        return ephemeral(attendanceReply(await attendanceReport(deps, { group, date: parsed.date })));
      case 'voters': {
        const result = await votersForNextMeeting(deps, group);
        return ephemeral(votersReply({ groupName: group.name, ...result }));
      }
      case 'absent': {
        const { text: reply } = await recordAbsence(deps, {
          group,
          userId,
          date: parsed.date,
          person: parsed.user,
        });
        return ephemeral(reply);
      }
      case 'recording': {
        const { meetingLabel } = await setRecording(deps, {
          group,
          userId,
          url: parsed.url,
          date: parsed.date,
        });
        return ephemeral(
          `:movie_camera: Recording saved for the ${meetingLabel}; it is posted in the meeting’s thread.`,
        );
      }
      case 'publish': {
        const { meetingLabel, repo } = await requestPublication(deps, { group, userId, date: parsed.date });
        return ephemeral(
          `:books: Publishing the ${meetingLabel} to ${repo}; the pull request (or commit) is posted in the meeting’s thread.`,
        );
      }
    }
  };
}
