import type { Log } from '../../core/ports/log.js';
import { lateWriteBackNotice } from '../../core/record/recordReplies.js';
import { meetingThreadTs } from './meetingThread.js';
import { postOnce } from './postOnce.js';
import type { RecordDeps } from './recordDeps.js';

/**
 * The first time a write-back to GitHub or the minutes fails, the meeting's thread says it is
 * late and will be retried; later failures stay quiet. A courtesy: failing to say so is logged.
 */
export async function sayWriteBackLate(
  deps: Pick<RecordDeps, 'groups' | 'effects' | 'workspace'>,
  input: {
    readonly jobKey: string;
    readonly groupId: string;
    readonly startsAt: string;
    readonly kind: 'github' | 'minutes';
  },
  now: Date,
  log: Log,
): Promise<void> {
  const group = deps.groups.byId(input.groupId);
  if (!group) return;
  try {
    const threadTs = await meetingThreadTs(deps, group.id, input.startsAt);
    await postOnce(
      deps,
      `late:${input.jobKey}`,
      group.channelId,
      { text: lateWriteBackNotice(input.kind), ...(threadTs ? { threadTs } : {}) },
      now,
    );
  } catch (error) {
    log.warn({ err: error }, 'could not say in the thread that a write-back is late');
  }
}
