import { describe, expect, it } from 'vitest';
import { slackUserId } from '../../src/core/ids.js';
import {
  attendanceReply,
  checkedInReply,
  decisionAnnouncement,
  decisionComment,
  decisionListReply,
  decisionMarker,
  lateWriteBackNotice,
  recordingAskDm,
  recordingPost,
  votersReply,
  votingRuleText,
} from '../../src/core/record/recordReplies.js';
import type { VoterStanding } from '../../src/core/record/votingRights.js';

const [A, B, C, D] = ['U0AAAAAAA1', 'U0BBBBBBB2', 'U0CCCCCCC3', 'U0DDDDDDD4'].map(slackUserId) as [
  ReturnType<typeof slackUserId>,
  ReturnType<typeof slackUserId>,
  ReturnType<typeof slackUserId>,
  ReturnType<typeof slackUserId>,
];
const label = 'the Weekly call of 3 Dec';
const spec1223 = { owner: 'cloudevents', repo: 'spec', number: 1223 };

describe('checking in', () => {
  it('tells a person they are checked in, or were already', () => {
    expect(checkedInReply([A], [], label, false)).toBe("You're checked in to the Weekly call of 3 Dec.");
    expect(checkedInReply([], [A], label, false)).toBe(
      "You're already checked in to the Weekly call of 3 Dec.",
    );
  });

  it('tells a lead whom they checked in and who already was', () => {
    expect(checkedInReply([A, B], [C], label, true)).toBe(
      'Checked in to the Weekly call of 3 Dec: <@U0AAAAAAA1>, <@U0BBBBBBB2>. Already checked in: <@U0CCCCCCC3>.',
    );
    expect(checkedInReply([], [C], label, true)).toBe(
      'Already checked in to the Weekly call of 3 Dec: <@U0CCCCCCC3>.',
    );
    expect(checkedInReply([], [], label, true)).toBe('Nobody to check in to the Weekly call of 3 Dec.');
  });
});

describe('the attendance of a meeting', () => {
  it('groups people by organisation, largest first, with a count each', () => {
    expect(
      attendanceReply({
        meetingLabel: label,
        attendees: [
          { userId: A, organization: 'Google' },
          { userId: B, organization: undefined },
          { userId: C, organization: 'Google' },
          { userId: D, organization: 'A&B <Corp>' },
        ],
        absent: [],
      }),
    ).toBe(
      [
        '*Present at the Weekly call of 3 Dec: 4*',
        'Google — 2: <@U0AAAAAAA1>, <@U0CCCCCCC3>',
        'A&amp;B &lt;Corp&gt; — 1: <@U0DDDDDDD4>',
        '(no organisation) — 1: <@U0BBBBBBB2>',
      ].join('\n'),
    );
  });

  it('names who is on leave, and says when nobody came', () => {
    expect(attendanceReply({ meetingLabel: label, attendees: [], absent: [D] })).toBe(
      'Nobody has checked in to the Weekly call of 3 Dec yet.\nOn leave: <@U0DDDDDDD4>',
    );
  });
});

describe('who votes', () => {
  const rule = { attended: 3, ofLast: 4, per: 'organization' } as const;
  const standing = (s: Partial<VoterStanding> & Pick<VoterStanding, 'entity'>): VoterStanding => ({
    kind: 'organization',
    people: [],
    attended: 3,
    counted: 4,
    holdsVote: true,
    ...s,
  });

  it('states the rule in one line', () => {
    expect(votingRuleText(rule)).toBe(
      'A vote per organisation that attended 3 of the last 4 meetings; a leave of absence does not count against it.',
    );
    expect(votingRuleText({ ...rule, per: 'person' })).toBe(
      'A vote per person who attended 3 of the last 4 meetings; a leave of absence does not count against it.',
    );
  });

  it('lists holders and non-holders with the attendance that decided it', () => {
    const reply = votersReply({
      groupName: 'CloudEvents',
      nextMeetingLabel: 'Thu 10 Dec',
      rule,
      standings: [
        standing({ entity: 'Google', people: [A, C], attended: 4 }),
        standing({ entity: B, kind: 'person', people: [B] }),
        standing({ entity: 'Acme <!channel>', attended: 1, holdsVote: false }),
      ],
    });
    expect(reply).toBe(
      [
        '*Voting at CloudEvents, Thu 10 Dec*',
        votingRuleText(rule),
        '*Holds a vote (2)*',
        '• Google — attended 4 of the last 4 (<@U0AAAAAAA1>, <@U0CCCCCCC3>)',
        '• <@U0BBBBBBB2> — attended 3 of the last 4',
        '*No vote (1)*',
        '• Acme &lt;!channel&gt; — attended 1 of the last 4',
      ].join('\n'),
    );
  });

  it('speaks plainly of a young group', () => {
    const reply = votersReply({
      groupName: 'CloudEvents',
      nextMeetingLabel: 'Thu 10 Dec',
      rule,
      standings: [standing({ entity: 'Google', attended: 1, counted: 1, holdsVote: false })],
    });
    expect(reply).toContain(
      '*Holds a vote (0)*\nNobody yet.\n*No vote (1)*\n• Google — attended the last meeting',
    );
    expect(
      votersReply({ groupName: 'CloudEvents', nextMeetingLabel: 'Thu 10 Dec', rule, standings: [] }),
    ).toContain('Nobody has attended a meeting yet, so nobody holds a vote.');
  });
});

describe('decisions', () => {
  it('announces a decision in the thread, escaped, with its issue linked', () => {
    expect(
      decisionAnnouncement({
        number: 3,
        text: 'Adopt v1.0 <!channel> & *go*',
        authorId: A,
        reference: spec1223,
      }),
    ).toBe(
      ':white_check_mark: Decision #3 (recorded by <@U0AAAAAAA1>): Adopt v1.0 &lt;!channel&gt; &amp; *go* — <https://github.com/cloudevents/spec/issues/1223|cloudevents/spec#1223>',
    );
    expect(decisionAnnouncement({ number: 4, text: 'Meet weekly', authorId: A, reference: null })).toBe(
      ':white_check_mark: Decision #4 (recorded by <@U0AAAAAAA1>): Meet weekly',
    );
  });

  it('lists decisions with their meeting, and says what was searched when none match', () => {
    expect(
      decisionListReply({
        groupName: 'CloudEvents',
        decisions: [
          { number: 3, text: 'Adopt v1.0', meetingLabel: 'Thu 3 Dec', reference: spec1223 },
          { number: 2, text: 'Ping <@U0CCCCCCC3>', meetingLabel: 'Thu 26 Nov', reference: null },
        ],
        words: ['adopt'],
      }),
    ).toBe(
      [
        '*Decisions of CloudEvents mentioning “adopt”*',
        '#3 Adopt v1.0 — Thu 3 Dec — <https://github.com/cloudevents/spec/issues/1223|cloudevents/spec#1223>',
        '#2 Ping &lt;@U0CCCCCCC3&gt; — Thu 26 Nov',
      ].join('\n'),
    );
    expect(decisionListReply({ groupName: 'CloudEvents', decisions: [], words: ['v2', '<!here>'] })).toBe(
      'No decision of CloudEvents mentions “v2”, “&lt;!here&gt;”.',
    );
    expect(decisionListReply({ groupName: 'CloudEvents', decisions: [], words: [] })).toContain(
      'CloudEvents has no decisions recorded yet.',
    );
  });

  it('lists at most 25 decisions and counts the rest', () => {
    const decisions = Array.from({ length: 40 }, (_, i) => ({
      number: i + 1,
      text: 'x'.repeat(1000),
      meetingLabel: 'Thu 3 Dec',
      reference: null,
    }));
    const reply = decisionListReply({ groupName: 'CloudEvents', decisions, words: [] });
    expect(reply.split('\n')).toHaveLength(27);
    expect(reply).toContain('… and 15 more');
    expect(reply.length).toBeLessThan(40_000);
  });
});

describe('the decision’s comment on GitHub', () => {
  const comment = (text: string, threadUrl?: string) =>
    decisionComment({
      groupName: 'CloudEvents',
      meetingDate: '3 Dec 2026',
      text,
      threadUrl,
      marker: decisionMarker(12),
    });

  it('says where it was decided, links the thread and ends with the marker', () => {
    expect(comment('Adopt v1.0', 'https://x.slack.com/archives/C1/p1')).toBe(
      [
        'Decided at the CloudEvents meeting of 3 Dec 2026: Adopt v1.0',
        '[The meeting’s thread in Slack](https://x.slack.com/archives/C1/p1)',
        '<!-- gavel:decision:12 -->',
      ].join('\n\n'),
    );
    expect(comment('Adopt v1.0').split('\n').at(-1)).toBe('<!-- gavel:decision:12 -->');
  });

  it('mentions nobody on GitHub and stays one plain paragraph', () => {
    const body = comment(
      'Thanks @alice and @cloudevents/maintainers\n# Not a heading\n- nor a list <!-- gavel:decision:1 -->',
    );
    const first = body.split('\n\n')[0]!;
    expect(first).not.toContain('\n');
    expect(first).not.toMatch(/@\w/);
    expect(first).toContain('@\u200dalice');
    expect(first).toContain('&lt;!-- gavel:decision:1 --&gt;');
    expect(body.match(/<!-- gavel:decision:\d+ -->/g)).toEqual(['<!-- gavel:decision:12 -->']);
  });

  it('turns Slack markup into GitHub’s', () => {
    expect(comment('See <https://x.test/a|the notes> &amp; <@U0AAAAAAA1|alice>')).toContain(
      ': See [the notes](https://x.test/a) &amp; alice',
    );
  });
});

describe('the recording', () => {
  it('posts the link in the thread with who added it', () => {
    expect(recordingPost('https://youtu.be/abc', A)).toBe(
      ':movie_camera: <https://youtu.be/abc|Recording> (added by <@U0AAAAAAA1>)',
    );
  });

  it('asks the leads for it, saying how to add it', () => {
    expect(
      recordingAskDm({
        groupName: 'CloudEvents',
        title: 'Weekly call',
        meetingLabel: 'Thu 3 Dec',
        channelLabel: '<#C0123ABCD>',
        date: '2026-12-03',
      }),
    ).toBe(
      'No recording has been added for CloudEvents: Weekly call of Thu 3 Dec. If there is one, add it in <#C0123ABCD> with `/meeting recording &lt;url&gt; 2026-12-03`: the wrap-up and the minutes will link it.',
    );
  });
});

describe('a late write-back', () => {
  it('says which one is late and that gavel keeps trying', () => {
    expect(lateWriteBackNotice('github')).toContain('Commenting on GitHub is taking longer');
    expect(lateWriteBackNotice('minutes')).toContain('Writing to the minutes doc is taking longer');
    expect(lateWriteBackNotice('minutes')).toContain('gavel will keep trying');
  });
});
