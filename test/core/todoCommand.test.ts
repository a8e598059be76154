import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalDate, SlackUserId } from '../../src/core/ids.js';
import { editDistance } from '../../src/core/todo/editDistance.js';
import { probableSubcommand } from '../../src/core/todo/subcommandTypo.js';
import { parseTodoCommand, parseTodoItem, type TodoContext } from '../../src/core/todo/todoCommand.js';
import {
  BUTTON_VALUE_MAX,
  CONFIRM_TTL_MS,
  confirmBlocks,
  encodeConfirmValue,
  readConfirmValue,
} from '../../src/core/todo/todoConfirm.js';

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
    ['<@U0ALICE1> Review by yesterday', /`yesterday` \(2026-11-22\) is in the past/],
    ['<@U0ALICE1> Review by next week', /could not read `next week` as a date. Try `2026-12-07`/],
    ['<@U0ALICE1> Review by end of month', /could not read `end of month`/],
    ['Review the spec by eod', /could not read `eod`/],
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

  it('shows what a weekday means in the date it picked', () => {
    expect(parse('<@U0ALICE1> Review by next thursday')).toMatchObject({ due: '2026-12-03' });
    expect(parse('<@U0ALICE1> Review by thursday')).toMatchObject({ due: '2026-11-26' });
  });
});

describe('asking before recording a likely mistake', () => {
  const question = (text: string) => {
    const r = parse(text);
    expect(r.kind, text).toBe('confirm');
    return r.kind === 'confirm' ? r : undefined;
  };

  it.each([
    ['lsit', '/todo list'],
    ['lsit mine', '/todo list mine'],
    ['Lits all', '/todo list all'],
    ['dnoe 3', '/todo done 3'],
    ['doen #3', '/todo done #3'],
    ['dnoe', '/todo done'],
    ['clsoe 4', '/todo done 4'],
    ['reopne 2', '/todo reopen 2'],
    ['eidt 3 Write the draft', '/todo edit 3 Write the draft'],
    ['hlep', '/todo help'],
    ['hepl', '/todo help'],
  ])('asks whether %j meant %j', (text, meant) => {
    const q = question(text)!;
    expect(q.question).toContain(`Did you mean \`${meant}\`?`);
    expect(q.item).toMatchObject({ kind: 'create', owners: ['U0AUTHOR1'], text });
  });

  it('asks before recording one or two words that name no owner', () => {
    const q = question('frobnicate')!;
    expect(q.question).toMatch(/^Record “frobnicate” as an action item for you\?/);
    expect(q.item).toEqual({ kind: 'create', owners: ['U0AUTHOR1'], text: 'frobnicate', due: undefined });
    expect(question('Book room by next thursday')!.question).toContain('“Book room” (due Thu Dec 3)');
  });

  it('records at once with an owner, three words or more, and real subcommands', () => {
    expect(parse('<@U0ALICE1> frobnicate').kind).toBe('create');
    expect(parse('Book the room').kind).toBe('create');
    expect(parse('Dont merge the PR').kind).toBe('create');
    expect(parse('Docs review for KubeCon').kind).toBe('create');
    expect(parse('list').kind).toBe('list');
    expect(parse('ls').kind).toBe('list');
  });

  it('says what it meant, without offering to record, when the item itself would be refused', () => {
    expect(parse('eidt 3 by 12/7')).toEqual({
      kind: 'invalid',
      message: 'Did you mean `/todo edit 3 by 12/7`? Nothing was recorded.',
    });
  });

  it('never echoes markup in the question', () => {
    const q = question('<!channel> now')!;
    expect(q.question).toContain('&lt;!channel&gt;');
    expect(q.question).not.toContain('<!channel>');
  });

  it('reads the text as an item whatever its first word when “Record it anyway” is pressed', () => {
    expect(parseTodoItem('lsit', ctx)).toEqual({
      kind: 'create',
      owners: ['U0AUTHOR1'],
      text: 'lsit',
      due: undefined,
    });
    expect(parseTodoItem('list the options by Dec 7', ctx)).toMatchObject({
      text: 'list the options',
      due: '2026-12-07',
    });
    expect(parseTodoItem('@bob x', ctx)).toMatchObject({ kind: 'invalid' });
    expect(parseTodoItem('x by 12/7', ctx)).toMatchObject({ kind: 'invalid' });
  });

  it('suspects every one-edit typo of a subcommand (property)', () => {
    const words = ['list', 'done', 'reopen', 'edit', 'help'];
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.nat(), (word, at) => {
        const i = at % (word.length - 1);
        const swapped = `${word.slice(0, i)}${word.charAt(i + 1)}${word.charAt(i)}${word.slice(i + 2)}`;
        fc.pre(swapped !== word);
        expect(probableSubcommand(swapped, [])).toBe(word);
      }),
    );
  });

  it('measures edits with swaps counting one (property: symmetric, zero only for equals)', () => {
    expect(editDistance('lsit', 'list')).toBe(1);
    expect(editDistance('frobnicate', 'list')).toBeGreaterThan(2);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }),
    );
    expect(editDistance('x'.repeat(40), 'list')).toBe(Infinity);
  });
});

describe('the value “Record it anyway” carries', () => {
  const now = new Date('2026-11-23T12:00:00.000Z');
  const value = { nonce: '1234.5678.abcdef', text: 'lsit', askedAt: now.getTime() };

  it('reads back what it was given, with nothing in it that looks like markup', () => {
    expect(readConfirmValue(encodeConfirmValue(value), now)).toEqual({ ok: true, value });
    const marked = { ...value, text: 'Tell <!channel> & <@U0LEAD001>' };
    const encoded = encodeConfirmValue(marked)!;
    expect(encoded).not.toMatch(/[<>&]/);
    expect(readConfirmValue(encoded, now)).toEqual({ ok: true, value: marked });
  });

  it('stays within Slack’s limit, or is not offered (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4000 }), (text) => {
        const encoded = encodeConfirmValue({ ...value, text });
        if (encoded === undefined) return;
        expect(encoded.length).toBeLessThanOrEqual(BUTTON_VALUE_MAX);
        expect(readConfirmValue(encoded, now)).toMatchObject({ ok: text.trim() !== '' });
      }),
    );
    const blocks = confirmBlocks('Record?', undefined, 'Name the owner.');
    expect(JSON.stringify(blocks)).not.toContain('Record it anyway');
    expect(JSON.stringify(blocks)).toContain('Name the owner.');
  });

  it.each([
    ['not json', 'x{'],
    ['no nonce', JSON.stringify({ t: 'x', a: now.getTime() })],
    ['an odd nonce', JSON.stringify({ n: 'a b<', t: 'x', a: now.getTime() })],
    ['no text', JSON.stringify({ n: 'abc', t: ' ', a: now.getTime() })],
    ['too old', JSON.stringify({ n: 'abc', t: 'x', a: now.getTime() - CONFIRM_TTL_MS - 1 })],
    ['from the future', JSON.stringify({ n: 'abc', t: 'x', a: now.getTime() + 3_600_000 })],
    ['too long', JSON.stringify({ n: 'abc', t: 'x'.repeat(2100), a: now.getTime() })],
  ])('refuses a value with %s', (_, raw) => {
    expect(readConfirmValue(raw, now).ok).toBe(false);
  });
});
