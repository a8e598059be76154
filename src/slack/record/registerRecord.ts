import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { Log } from '../../core/ports/log.js';
import { MEETING_START_ACTIONS } from '../../core/record/meetingStartMessage.js';
import type { CheckInDeps } from '../../usecases/record/checkIn.js';
import type { RecordDecisionDeps } from '../../usecases/record/recordDecision.js';
import type { RecordDeps } from '../../usecases/record/recordDeps.js';
import { commandListener } from '../commands/commandListener.js';
import type { SlackApp } from '../createSlackApp.js';
import { checkInButton } from './checkInButton.js';
import { decisionCommand } from './decisionCommand.js';

export type RecordSlackDeps = RecordDecisionDeps &
  CheckInDeps &
  Pick<RecordDeps, 'records'> & {
    readonly groups: Pick<GroupDirectory, 'byId' | 'byChannel' | 'all'>;
    readonly log: Log;
  };

/** `/decision` and the start post's "I'm here" button. */
export function registerRecord(slack: SlackApp, deps: RecordSlackDeps): void {
  slack.command('/decision', commandListener(deps, decisionCommand(deps)));
  slack.app.action<BlockAction<ButtonAction>>(MEETING_START_ACTIONS.checkIn, checkInButton(deps));
}
