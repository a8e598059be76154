import { describe, expect, it } from 'vitest';
import type { LocalDate, SlackUserId } from '../../src/core/ids.js';
import { parseTodoCommand, type TodoContext } from '../../src/core/todo/todoCommand.js';

const ctx: TodoContext = {
  now: new Date('2026-11-23T12:00:00.000Z'),
  timeZone: 'America/Los_Angeles',
  nextMeetingDate: '2026-11-26' as LocalDate,
  authorId: 'U0AUTHOR1' as SlackUserId,
};
const parse = (text: string) => parseTodoCommand(text, ctx);

describe('parsing /todo', () => {
  it('opens the form when nothing is typed', () => {
    expect(parse('  ')).toEqual({ kind: 'open-modal' });
  });

  it('records owners from escaped and bare mentions, the text and the due date', () => {
    expect(parse('<@U0ALICE1|alice> <@U0BOB001> Krustlet & Crit follow-up by Dec 7')).toEqual({
      kind: 'create',
      owners: ['U0ALICE1', 'U0BOB001'],
      text: 'Krustlet & Crit follow-up',
      due: '2026-12-07',
    });
  });

  it('makes the author the owner when nobody is mentioned', () => {
    expect(parse('Write the blog post')).toEqual({
      kind: 'create',
      owners: ['U0AUTHOR1'],
      text: 'Write the blog post',
      due: undefined,
    });
  });

  it('names each owner once', () => {
    expect(parse('<@U0ALICE1> <@U0ALICE1|alice> review')).toMatchObject({ owners: ['U0ALICE1'] });
  });

  it('takes only the last “by” as the due date and keeps “by” that is not a date in the text', () => {
    expect(parse('<@U0ALICE1> Ask by email by next meeting')).toMatchObject({
      text: 'Ask by email',
      due: '2026-11-26',
    });
    expect(parse('<@U0ALICE1> Sign off by the TOC')).toMatchObject({
      text: 'Sign off by the TOC',
      due: undefined,
    });
  });

  it.each([
    ['<@U0ALICE1> Review by 12/7', /could be Dec 7 or Jul 12/],
    ['<@U0ALICE1> Review by 2020-01-01', /in the past/],
    ['<@U0ALICE1> Review by 2030-01-01', /more than 2 years/],
    ['<@U0ALICE1> Review by Friday the 13th', /could not read/],
    ['<@U0ALICE1> by Dec 7', /Say what needs doing/],
    ['<@U0ALICE1>', /Say what needs doing/],
    ['@alice Review the PR', /not a Slack mention/],
    [`<@U0ALICE1> ${'x'.repeat(501)}`, /501 characters; the limit is 500/],
    [
      `${Array.from({ length: 11 }, (_, i) => `<@U0OWNER${String(i).padStart(2, '0')}>`).join(' ')} Review`,
      /at most 10 owners \(this one names 11\)/,
    ],
  ])('refuses %j with a hint', (text, message) => {
    const r = parse(text);
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' ? r.message : '').toMatch(message);
  });

  it('accepts exactly 500 characters (emoji count as one) and 10 owners', () => {
    expect(parse(`<@U0ALICE1> ${'👩🏽‍💻'.repeat(500)}`).kind).toBe('create');
    const ten = Array.from({ length: 10 }, (_, i) => `<@U0OWNER${String(i).padStart(2, '0')}>`).join(' ');
    expect(parse(`${ten} Review`)).toMatchObject({ kind: 'create' });
  });

  it.each([
    ['list', { kind: 'open' }],
    ['list mine', { kind: 'mine' }],
    ['list all', { kind: 'all' }],
    ['list done', { kind: 'done' }],
    ['LIST <@U0BOB001|bob>', { kind: 'owner', user: 'U0BOB001' }],
  ])('lists with %j', (text, filter) => {
    expect(parse(text)).toEqual({ kind: 'list', filter });
  });

  it('reads done, reopen and edit with an item number', () => {
    expect(parse('done 12')).toEqual({ kind: 'done', number: 12 });
    expect(parse('done #3')).toEqual({ kind: 'done', number: 3 });
    expect(parse('reopen 3')).toEqual({ kind: 'reopen', number: 3 });
    expect(parse('edit 3  Write the *draft*')).toEqual({
      kind: 'edit',
      number: 3,
      text: 'Write the *draft*',
    });
    expect(parse('help')).toEqual({ kind: 'help' });
  });

  it.each(['done', 'done x', 'done 0', 'reopen 1 2', 'edit', 'edit 3', 'edit x text', 'list of things'])(
    'explains the usage of %j',
    (text) => {
      expect(parse(text).kind).toBe('invalid');
    },
  );

  it('reads a sub-command word after an owner as the item’s text', () => {
    expect(parse('<@U0ALICE1> done criteria for graduation')).toMatchObject({
      kind: 'create',
      text: 'done criteria for graduation',
    });
  });
});
