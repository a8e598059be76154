import { describe, expect, it } from 'vitest';
import { AGENDA_ACTIONS, agendaListReply } from '../../src/core/agenda/agendaListBlocks.js';
import {
  reorderedText,
  addedText,
  agendaListText,
  helpText,
  movedText,
  removedText,
} from '../../src/core/agenda/agendaReplies.js';
import { type AgendaItem, agendaItemId } from '../../src/core/model/agendaItem.js';
import { gid, uid } from '../support/ids.js';

const item = (over: Partial<AgendaItem> = {}): AgendaItem => ({
  id: agendaItemId(7),
  groupId: gid('serverless'),
  meetingStartsAt: '2026-11-26T17:00:00.000Z',
  number: 3,
  topic: 'Discuss CloudEvents 2.0',
  details: null,
  authorId: uid('U0MEMBER1'),
  status: 'open',
  rolledFrom: null,
  github: null,
  timeboxMinutes: null,
  position: 3,
  createdAt: '2026-11-23T12:00:00.000Z',
  updatedAt: '2026-11-23T12:00:00.000Z',
  ...over,
});
const labelOf = (s: string) => (s.startsWith('2026-11-19') ? 'Thu 19 Nov' : 'Thu 26 Nov');
const list = (items: AgendaItem[], canMarkCovered = false) =>
  agendaListReply({
    groupName: 'CNCF Serverless WG',
    meetingTitle: 'Weekly call',
    meeting: 'Thu 26 Nov',
    items,
    labelOf,
    canMarkCovered,
  });

describe('agenda replies', () => {
  it('announce an added item with its number, meeting and author', () => {
    expect(addedText('U0MEMBER1', item(), 'Thu 26 Nov')).toBe(
      '<@U0MEMBER1> added #3 to the agenda of Thu 26 Nov: Discuss CloudEvents 2.0',
    );
  });

  it('never let a topic ping: <!channel>, <!here> and mentions are escaped, links stay links', () => {
    const topic = '<!channel> <!here> <@U0LEAD001> & see <https://github.com/cloudevents/spec|the spec>';
    const text = addedText('U0MEMBER1', item({ topic }), 'Thu 26 Nov');
    expect(text).toContain(
      '&lt;!channel&gt; &lt;!here&gt; &lt;@U0LEAD001&gt; &amp; see <https://github.com/cloudevents/spec|the spec>',
    );
    expect(text).not.toContain('<!channel>');
    expect(removedText('U0LEAD001', item({ topic }), 'Thu 26 Nov')).not.toContain('<!here>');
    expect(movedText('U0LEAD001', item({ topic }), item({ topic, number: 1 }), 'a', 'b')).not.toContain(
      '<@U0LEAD001> &',
    );
  });

  it('quote the details under an added item, escaped', () => {
    expect(addedText('U0MEMBER1', item({ details: 'line <!here>\nhttps://x.io' }), 'Thu 26 Nov')).toBe(
      '<@U0MEMBER1> added #3 to the agenda of Thu 26 Nov: Discuss CloudEvents 2.0\n>line &lt;!here&gt;\n>https://x.io',
    );
  });

  it('list the items numbered, with authors, state and where they came from', () => {
    const text = agendaListText({
      groupName: 'CNCF Serverless WG',
      meetingTitle: 'Weekly call',
      meeting: 'Thu 26 Nov',
      labelOf,
      items: [
        item({ number: 1, topic: 'A' }),
        item({ number: 2, topic: 'B', status: 'covered', authorId: uid('U0LEAD001') }),
        item({ number: 3, topic: 'C', rolledFrom: '2026-11-19T17:00:00.000Z' }),
      ],
    });
    expect(text).toBe(
      [
        '*Agenda of Thu 26 Nov* — CNCF Serverless WG: Weekly call',
        '1. A — <@U0MEMBER1>',
        '2. :white_check_mark: B — <@U0LEAD001> _(covered)_',
        '3. C — <@U0MEMBER1> _(carried over from Thu 19 Nov)_',
      ].join('\n'),
    );
  });

  it('invite items when the agenda is empty', () => {
    expect(list([]).text).toContain('No agenda items yet');
  });

  it('offer a lead a "Covered" button beside each open item, and nobody else', () => {
    const items = [
      item({ id: agendaItemId(1), number: 1 }),
      item({ id: agendaItemId(2), number: 2, status: 'covered' }),
    ];
    expect(list(items).blocks).toBeUndefined();
    const blocks = JSON.stringify(list(items, true).blocks);
    expect(blocks.match(new RegExp(AGENDA_ACTIONS.markCovered, 'g'))).toHaveLength(1);
    expect(blocks).toContain('"value":"1"');
  });

  it('name an unknown sub-command before the usage, escaped', () => {
    expect(helpText('usage', '<!here>')).toBe('`&lt;!here&gt;` is not an agenda command.\nusage');
    expect(helpText('usage', undefined)).toBe('usage');
  });
});

describe('the announcement of a new order', () => {
  it('lists each item as the agenda shows it, its timebox included', () => {
    expect(
      reorderedText('U0LEAD001', 'Thu 3 Dec', [
        { number: 3, topic: 'Plan for Q3', github: null, timeboxMinutes: null },
        { number: 2, topic: 'Release plan', github: null, timeboxMinutes: 15 },
      ]),
    ).toBe('<@U0LEAD001> reordered the agenda of Thu 3 Dec:\n3. Plan for Q3\n2. Release plan (15 min)');
  });
});
