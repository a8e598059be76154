import type { DecisionId } from '../../core/model/meetingRecord.js';
import { decisionAnnouncement } from '../../core/record/recordReplies.js';
import { decisionAnnounceKey } from '../../core/record/recordJobs.js';
import { threadForPost } from './meetingThread.js';
import { postOnce } from './postOnce.js';
import type { RecordDeps } from './recordDeps.js';

/** Announces a decision in its meeting's thread (or the channel, when there is no thread), once. */
export async function announceDecision(
  deps: Pick<RecordDeps, 'records' | 'groups' | 'effects' | 'workspace'>,
  id: DecisionId,
  now: Date,
): Promise<'posted' | 'gone'> {
  const decision = await deps.records.decisionById(id);
  const group = decision ? deps.groups.byId(decision.groupId) : undefined;
  if (!decision || !group) return 'gone';
  const threadTs = await threadForPost(deps, group.id, decision.meetingStartsAt, now);
  await postOnce(
    deps,
    decisionAnnounceKey(id),
    group.channelId,
    {
      text: decisionAnnouncement({
        number: decision.number,
        text: decision.text,
        authorId: decision.authorId,
        reference: decision.reference,
      }),
      unfurl: false,
      ...(threadTs ? { threadTs } : {}),
    },
    now,
  );
  return 'posted';
}
