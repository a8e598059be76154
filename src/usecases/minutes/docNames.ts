import type { ResolvedGroup } from '../../core/groupDirectory.js';
import { minutesMeetingOf, runningSectionHeading } from '../../core/minutes/minutesMeeting.js';
import { mentionedUserIds, type UserNames } from '../../core/minutes/slackToPlain.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';

/**
 * The Slack names of everyone a doc write names: the people given, and everyone the texts
 * mention. Every writer of minutes asks for them the same way, so a person reads the same in
 * every part of a doc (`@U…` only for whom Slack does not know).
 */
export async function docNames(
  workspace: Pick<SlackWorkspace, 'userNames'>,
  people: readonly string[],
  texts: readonly string[] = [],
): Promise<UserNames> {
  const ids = [...new Set([...people, ...texts.flatMap(mentionedUserIds)])];
  return ids.length === 0 ? {} : Object.fromEntries(await workspace.userNames(ids));
}

/** The heading of the meeting's section in a running doc, as createMinutes wrote it. */
export async function sectionHeadingOf(
  deps: {
    readonly occurrences: Pick<OccurrenceRepository, 'onDate'>;
    readonly workspace: Pick<SlackWorkspace, 'userNames'>;
  },
  group: ResolvedGroup,
  occurrence: Occurrence,
): Promise<string> {
  const [sameDay, names] = await Promise.all([
    deps.occurrences.onDate(group.id, occurrence.localDate),
    docNames(deps.workspace, [], [occurrence.title]),
  ]);
  return runningSectionHeading(
    minutesMeetingOf(group, occurrence, { agenda: [], names, sharesDate: sameDay.length > 1 }),
  );
}
