import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { Log } from '../../core/ports/log.js';
import type { SlackEventLog } from '../../core/ports/slackEventLog.js';
import type { TodoDeps } from '../../usecases/todo/todoDeps.js';

/**
 * What the `/todo` listeners use: the action-item use cases' ports, the groups by channel, a
 * log, and the event log that makes "Record it anyway" record once.
 */
export interface TodoSlackDeps extends TodoDeps {
  readonly groups: Pick<GroupDirectory, 'byId' | 'all' | 'byChannel'>;
  readonly log: Log;
  readonly events: Pick<SlackEventLog, 'firstDelivery'>;
}
