import { describe, expect, it } from 'vitest';
import { agendaListText } from '../../src/core/agenda/agendaReplies.js';
import { meetingStartMessage } from '../../src/core/record/meetingStartMessage.js';
import { agendaLine } from '../../src/core/minutes/minutesPlaceholders.js';
import type { GithubAgendaRef } from '../../src/core/model/agendaItem.js';

const TITLE = '<!channel> ask <@U0LEAD001> & <https://evil.example|click> &amp;';
const ESCAPED = '&lt;!channel&gt; ask &lt;@U0LEAD001&gt; &amp; &lt;https://evil.example|click&gt; &amp;amp;';
const github: GithubAgendaRef = {
  repo: 'cloudevents/spec',
  number: 12,
  kind: 'pull-request',
  url: 'https://github.com/cloudevents/spec/pull/12',
  login: 'duglin',
};

describe('a GitHub item’s title, someone else’s text', () => {
  it('is the escaped label of the link to its issue in Slack: nothing in it pings or links', () => {
    const list = agendaListText({
      groupName: 'CloudEvents',
      meetingTitle: 'Weekly call',
      meeting: 'Thu 3 Dec',
      labelOf: () => '',
      items: [
        { number: 1, topic: TITLE, details: null, authorId: null, status: 'open', rolledFrom: null, github },
      ],
    });
    expect(list).toContain(
      `1. <https://github.com/cloudevents/spec/pull/12|${ESCAPED}> _(PR cloudevents/spec#12)_ — duglin on GitHub`,
    );
    const start = JSON.stringify(
      meetingStartMessage({
        groupName: 'CloudEvents',
        title: 'Weekly call',
        startsAt: new Date('2026-12-03T17:00:00Z'),
        endsAt: new Date('2026-12-03T18:00:00Z'),
        timeZone: 'America/Los_Angeles',
        joinUrl: null,
        dialIn: null,
        minutesUrl: null,
        agenda: [{ number: 1, topic: TITLE, github }],
        meetingKey: 'cloudevents|2026-12-03T17:00:00.000Z',
      }).blocks,
    );
    expect(start).toContain(JSON.stringify(ESCAPED).slice(1, -1));
    expect(start).not.toContain('<!channel>');
    expect(start).not.toContain('<https://evil.example');
  });

  it('is written into a doc exactly as it reads on GitHub, with where it lives', () => {
    expect(agendaLine({ number: 2, topic: TITLE, authorId: null, github }, {})).toBe(
      `2. ${TITLE} (pull request cloudevents/spec#12 by duglin) https://github.com/cloudevents/spec/pull/12`,
    );
    expect(agendaLine({ number: 2, topic: 'T', authorId: 'U0MEMBER1', github }, { U0MEMBER1: 'Alice' })).toBe(
      '2. T (pull request cloudevents/spec#12 by Alice) https://github.com/cloudevents/spec/pull/12',
    );
  });
});
