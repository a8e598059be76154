import { describe, expect, it } from 'vitest';
import { countLines, countMrkdwn, searchUrl } from '../../src/core/agenda/agendaCounts.js';
import { agendaListReply } from '../../src/core/agenda/agendaListBlocks.js';
import { type AgendaItem, agendaItemId } from '../../src/core/model/agendaItem.js';
import { agendaLine } from '../../src/core/minutes/minutesPlaceholders.js';
import { reminderMessage } from '../../src/core/reminder/reminderMessage.js';
import { gid, uid } from '../support/ids.js';

const QUERY = 'is:pr is:open review:required repo:cloudevents/spec';
const item = (number: number, over: Partial<AgendaItem> = {}): AgendaItem => ({
  id: agendaItemId(number),
  groupId: gid('serverless'),
  meetingStartsAt: '2026-11-26T17:00:00.000Z',
  number,
  topic: `Topic ${number}`,
  details: null,
  authorId: uid('U0MEMBER1'),
  status: 'open',
  rolledFrom: null,
  github: null,
  timeboxMinutes: null,
  position: number,
  createdAt: '2026-11-23T12:00:00.000Z',
  updatedAt: '2026-11-23T12:00:00.000Z',
  ...over,
});

describe('counts as the agenda shows them', () => {
  it('links to the search on github.com: pull requests for a PR query, else issues', () => {
    expect(searchUrl(QUERY)).toBe(
      'https://github.com/search?q=is%3Apr%20is%3Aopen%20review%3Arequired%20repo%3Acloudevents%2Fspec&type=pullrequests',
    );
    expect(searchUrl('is:issue label:bug org:cloudevents')).toMatch(/&type=issues$/);
  });

  it('says why a number is missing, and marks a total that could not be refreshed', () => {
    const queries = [
      { title: 'A', query: 'a' },
      { title: 'B', query: 'b' },
      { title: 'C', query: 'c' },
      { title: 'D', query: 'd' },
    ];
    const lines = countLines(queries, [
      { query: 'a', total: 7, countedAt: '2026-11-25T16:55:00.000Z', failure: null },
      {
        query: 'b',
        total: 3,
        countedAt: '2026-11-25T16:55:00.000Z',
        failure: { kind: 'unavailable', message: '503' },
      },
      { query: 'c', total: null, countedAt: null, failure: { kind: 'refused', message: 'no such repo' } },
    ]);
    expect(lines.map(countMrkdwn)).toEqual([
      `• <${searchUrl('a').replace('&', '&amp;')}|A>: 7`,
      `• <${searchUrl('b').replace('&', '&amp;')}|B>: 3 _(last known: GitHub did not answer)_`,
      `• <${searchUrl('c').replace('&', '&amp;')}|C>: _GitHub refused the query_`,
      `• <${searchUrl('d').replace('&', '&amp;')}|D>: _not counted yet_`,
    ]);
  });

  it('keeps a title from breaking the link or pinging', () => {
    const [line] = countLines([{ title: 'PRs | <!channel>', query: 'x' }], []);
    expect(countMrkdwn(line!)).toContain('|PRs / &lt;!channel&gt;>:');
  });
});

describe('standing items, timeboxes and the total in a lead’s list and the reminder', () => {
  it('heads the list’s blocks with the standing items and ends them with the total', () => {
    const reply = agendaListReply({
      groupName: 'CNCF Serverless WG',
      meetingTitle: 'Weekly call',
      meeting: 'Thu 26 Nov',
      items: [item(2, { timeboxMinutes: 40 }), item(1, { timeboxMinutes: 30 })],
      standing: ['Open action items'],
      meetingMinutes: 60,
      labelOf: () => 'Thu 19 Nov',
      canMarkCovered: true,
    });
    const blocks = JSON.stringify(reply.blocks);
    expect(blocks).toContain('\\n• Open action items _(standing)_');
    expect(blocks.indexOf('2. Topic 2 (40 min)')).toBeLessThan(blocks.indexOf('1. Topic 1 (30 min)'));
    expect(blocks).toContain('_Agenda: 70 min for a 60 min meeting, 10 min over_');
  });

  it('puts standing items and counts above the numbered items of the reminder', () => {
    const m = reminderMessage({
      groupName: 'CNCF Serverless WG',
      timeZone: 'America/Los_Angeles',
      meeting: {
        title: 'Weekly call',
        startsAt: new Date('2026-11-26T17:00:00Z'),
        endsAt: new Date('2026-11-26T18:00:00Z'),
        joinUrl: undefined,
        dialIn: undefined,
        minutesUrl: undefined,
      },
      agenda: [{ number: 1, topic: 'Release plan', authorId: 'U0MEMBER1', timeboxMinutes: 15 }],
      standing: ['Open action items'],
      counts: countLines(
        [{ title: 'PRs waiting for review', query: QUERY }],
        [{ query: QUERY, total: 7, countedAt: null, failure: null }],
      ),
      minutesEnabled: false,
      meetingKey: 'serverless|2026-11-26T17:00:00.000Z',
    });
    const agenda = JSON.stringify(m.blocks);
    expect(agenda).toContain(
      '*Agenda*\\n• Open action items\\n• <https://github.com/search?q=is%3Apr%20is%3Aopen%20review%3Arequired%20repo%3Acloudevents%2Fspec&amp;type=pullrequests|PRs waiting for review>: 7\\n_Agenda: 15 min for a 60 min meeting_\\n1. Release plan (15 min) _(<@U0MEMBER1>)_',
    );
  });
});

describe('a labelled GitHub item among typed ones, standing items and counts', () => {
  const github = {
    repo: 'cloudevents/spec',
    number: 12,
    kind: 'pull-request' as const,
    url: 'https://github.com/cloudevents/spec/pull/12',
    login: 'duglin',
  };
  const typed = { number: 1, topic: 'Release plan', authorId: 'U0MEMBER1', timeboxMinutes: 15 };
  const labelled = { number: 2, topic: 'Spec <!channel>', authorId: null, github, timeboxMinutes: null };

  it('is the reminder’s link, in the order given, after the head and the total (which counts it as untimed)', () => {
    const m = reminderMessage({
      groupName: 'CNCF Serverless WG',
      timeZone: 'America/Los_Angeles',
      meeting: {
        title: 'Weekly call',
        startsAt: new Date('2026-11-26T17:00:00Z'),
        endsAt: new Date('2026-11-26T18:00:00Z'),
        joinUrl: undefined,
        dialIn: undefined,
        minutesUrl: undefined,
      },
      agenda: [labelled, typed],
      standing: ['Open action items'],
      counts: countLines([{ title: 'Open PRs', query: 'is:pr is:open' }], []),
      minutesEnabled: false,
      meetingKey: 'serverless|2026-11-26T17:00:00.000Z',
    });
    const section = JSON.stringify(m.blocks);
    expect(section).toContain(
      '\\n_Agenda: 15 min for a 60 min meeting (1 item without a timebox)_\\n2. <https://github.com/cloudevents/spec/pull/12|Spec &lt;!channel&gt;> _(PR cloudevents/spec#12)_ _(duglin on GitHub)_\\n1. Release plan (15 min) _(<@U0MEMBER1>)_',
    );
    expect(section.indexOf('• Open action items')).toBeLessThan(section.indexOf('Open PRs'));
  });

  it('is listed to a lead with its link and a typed item with its timebox, standing items first', () => {
    const reply = agendaListReply({
      groupName: 'CNCF Serverless WG',
      meetingTitle: 'Weekly call',
      meeting: 'Thu 26 Nov',
      items: [
        item(2, { topic: 'Spec', authorId: null, github }),
        item(1, { topic: 'Release plan', timeboxMinutes: 15 }),
      ],
      standing: ['Open action items'],
      meetingMinutes: 60,
      labelOf: () => 'Thu 19 Nov',
      canMarkCovered: true,
    });
    const blocks = JSON.stringify(reply.blocks);
    expect(blocks).toContain('• Open action items _(standing)_');
    expect(blocks.indexOf('2. <https://github.com/cloudevents/spec/pull/12|Spec>')).toBeLessThan(
      blocks.indexOf('1. Release plan (15 min)'),
    );
  });

  it('is a plain doc line with its address, and a typed one carries its timebox', () => {
    expect(agendaLine(labelled, {})).toBe(
      '2. Spec <!channel> (pull request cloudevents/spec#12 by duglin) https://github.com/cloudevents/spec/pull/12',
    );
    expect(agendaLine(typed, { U0MEMBER1: 'Alice' })).toBe('1. Release plan (15 min) (Alice)');
  });
});
