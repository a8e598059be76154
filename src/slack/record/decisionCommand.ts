import { helpText } from '../../core/agenda/agendaReplies.js';
import { parseDecisionCommand } from '../../core/record/decisionCommand.js';
import { decisionListReply } from '../../core/record/recordReplies.js';
import { listDecisions } from '../../usecases/record/listDecisions.js';
import { type RecordDecisionDeps, recordDecision } from '../../usecases/record/recordDecision.js';
import type { CommandInput } from '../commands/commandListener.js';
import { DECISION_HELP } from '../commands/helpText.js';
import { ephemeral, type Reply } from '../reply.js';

/** `/decision <text> | list [words] | help`. */
export function decisionCommand(deps: RecordDecisionDeps): (input: CommandInput) => Promise<Reply> {
  return async ({ text, userId, group }) => {
    const parsed = parseDecisionCommand(text);
    switch (parsed.kind) {
      case 'help':
        return ephemeral(helpText(DECISION_HELP, undefined));
      case 'invalid':
        return ephemeral(`:warning: ${parsed.message}`);
      case 'list': {
        const decisions = await listDecisions(deps, { group, words: parsed.words });
        return ephemeral(decisionListReply({ groupName: group.name, decisions, words: parsed.words }));
      }
      case 'record': {
        const { decision, meetingLabel } = await recordDecision(deps, {
          group,
          userId,
          text: parsed.text,
          reference: parsed.reference,
        });
        return ephemeral(
          `:white_check_mark: Decision #${decision.number} recorded for the ${meetingLabel}; it is announced in the meeting’s thread.`,
        );
      }
    }
  };
}
