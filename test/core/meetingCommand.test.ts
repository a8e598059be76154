import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMeetingCommand } from '../../src/core/meeting/meetingCommand.js';

const parse = parseMeetingCommand;

/** The message of a refused command; any other command fails the match with its kind. */
const refusal = (parsed: { kind: string; message?: string }): string =>
  parsed.kind === 'invalid' ? (parsed.message ?? '') : `(not refused: ${parsed.kind})`;

describe('parsing /meeting: what it did already', () => {
  it('shows the next meeting by default', () => {
    expect(parse('')).toEqual({ kind: 'next' });
    expect(parse('next')).toEqual({ kind: 'next' });
  });

  it('finds the notes', () => {
    expect(parse('notes')).toEqual({ kind: 'notes' });
    expect(parse('minutes')).toEqual({ kind: 'notes' });
  });

  it('cancels and restores a date', () => {
    expect(parse('cancel 2026-12-03')).toEqual({ kind: 'cancel', date: '2026-12-03' });
    expect(parse('uncancel 2026-12-03')).toEqual({ kind: 'restore', date: '2026-12-03' });
    expect(refusal(parse('cancel 2026-02-30'))).toMatch(
      /^Usage: `\/meeting cancel <date>` with a date like `2026-12-03`/,
    );
  });

  it('adds a meeting with an optional title', () => {
    expect(parse('add 2026-12-03 9:30 Extra session')).toEqual({
      kind: 'add',
      date: '2026-12-03',
      time: '09:30',
      title: 'Extra session',
    });
    expect(parse('add 2026-12-03 17:00')).toMatchObject({ title: undefined });
    expect(parse('add 2026-12-03 25:00')).toMatchObject({ kind: 'invalid' });
  });

  it('shows help for `help`, and says when the first word was not understood', () => {
    expect(parse('help')).toEqual({ kind: 'help' });
    expect(parse('Help')).toEqual({ kind: 'help' });
    expect(parse('reschedule 2026-12-03')).toEqual({ kind: 'help', unknown: 'reschedule' });
  });
});

describe('/meeting here', () => {
  it('checks in the one who typed it when nobody is named', () => {
    expect(parse('here')).toEqual({ kind: 'here', users: [] });
  });

  it('checks in the people named, once each, from bare and labelled mentions', () => {
    expect(parse('here <@U0ALICE1|alice> <@U0BOB001> <@U0ALICE1>')).toEqual({
      kind: 'here',
      users: ['U0ALICE1', 'U0BOB001'],
    });
  });

  it.each([
    ['here @alice', /`@alice` is not a Slack mention/],
    ['here <@U0ALICE1> and Bob', /`and` is not a person/],
    ['here tomorrow', /`tomorrow` is not a person/],
  ])('refuses %j, saying how to name people', (text, detail) => {
    expect(refusal(parse(text))).toMatch(/^Usage: `\/meeting here \[@person …\]`/);
    expect(refusal(parse(text))).toMatch(detail);
  });

  it('checks in at most 50 people at once, counting each person once', () => {
    const mentions = (n: number) =>
      Array.from({ length: n }, (_, i) => `<@U0${String(i).padStart(4, '0')}>`).join(' ');
    expect(parse(`here ${mentions(50)} <@U00000>`)).toMatchObject({ kind: 'here' });
    expect(parse(`here ${mentions(51)}`)).toEqual({
      kind: 'invalid',
      message: 'One `/meeting here` can check in at most 50 people (this one names 51). Split them up.',
    });
  });
});

describe('/meeting attendance', () => {
  it('shows a meeting’s attendance, by date or the latest', () => {
    expect(parse('attendance')).toEqual({ kind: 'attendance', date: undefined });
    expect(parse('attendance 2026-11-26')).toEqual({ kind: 'attendance', date: '2026-11-26' });
  });

  it.each([['attendance last week'], ['attendance 26/11/2026']])('refuses %j', (text) => {
    expect(refusal(parse(text))).toMatch(
      /^Usage: `\/meeting attendance \[date\]` with a date like `2026-12-03`/,
    );
  });
});

describe('/meeting voters', () => {
  it('lists the voters', () => {
    expect(parse('voters')).toEqual({ kind: 'voters' });
  });
});

describe('/meeting absent', () => {
  it('excuses the one who typed it, or the person named, from the meeting on a date', () => {
    expect(parse('absent 2026-12-03')).toEqual({ kind: 'absent', date: '2026-12-03', user: undefined });
    expect(parse('absent 2026-12-03 <@U0BOB001|bob>')).toEqual({
      kind: 'absent',
      date: '2026-12-03',
      user: 'U0BOB001',
    });
  });

  it.each([
    ['absent'],
    ['absent next week'],
    ['absent 2026-12-03 @bob'],
    ['absent 2026-12-03 <@U0BOB001> <@U0ALICE1>'],
  ])('refuses %j, saying what works', (text) => {
    expect(refusal(parse(text))).toMatch(
      /^Usage: `\/meeting absent <date> \[@person\]` with a date like `2026-12-03`/,
    );
  });
});

describe('/meeting recording', () => {
  it('takes an http or https link, bare or as Slack wraps it, with an optional date', () => {
    expect(parse('recording https://youtu.be/abc123')).toEqual({
      kind: 'recording',
      url: 'https://youtu.be/abc123',
      date: undefined,
    });
    expect(
      parse('recording <https://zoom.us/rec/share/xyz?pwd=1&amp;t=2|Zoom recording> 2026-11-26'),
    ).toEqual({
      kind: 'recording',
      url: 'https://zoom.us/rec/share/xyz?pwd=1&t=2',
      date: '2026-11-26',
    });
    expect(parse('recording <http://example.org/r>')).toMatchObject({ url: 'http://example.org/r' });
  });

  it.each([
    ['recording', /^Usage: `\/meeting recording <link> \[date\]` with an http or https link/],
    ['recording https://youtu.be/abc yesterday', /^Usage: `\/meeting recording <link> \[date\]`/],
    [
      'recording <ftp://files.example.org/r.mp4>',
      /^`ftp:\/\/files.example.org\/r.mp4` is not an http or https link\. Usage:/,
    ],
    ['recording youtu.be/abc', /^`youtu.be\/abc` is not an http or https link/],
    ['recording https://', /is not an http or https link/],
  ])('refuses %j, saying what would work', (text, message) => {
    expect(refusal(parse(text))).toMatch(message);
  });

  it('takes links of up to 2,000 characters', () => {
    const link = (n: number) => `https://example.org/${'a'.repeat(n - 'https://example.org/'.length)}`;
    expect(parse(`recording ${link(2000)}`)).toMatchObject({ kind: 'recording' });
    expect(refusal(parse(`recording ${link(2001)}`))).toMatch(
      /^A recording link can be at most 2,000 characters \(yours has 2,001\)\./,
    );
  });
});

describe('every text', () => {
  it('maps to exactly one command without throwing', () => {
    const word = fc.constantFrom(
      'here',
      'attendance',
      'voters',
      'absent',
      'recording',
      'add',
      'cancel',
      '<@U0ALICE1>',
    );
    const text = fc
      .array(fc.oneof(word, fc.string({ unit: 'grapheme', maxLength: 30 })), { maxLength: 6 })
      .map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        expect(parse(t).kind).toMatch(
          /^(next|notes|cancel|restore|add|here|attendance|voters|absent|recording|help|invalid)$/,
        );
      }),
    );
  });

  it('keeps a recording link to http and https links that parse', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (t) => {
        const parsed = parse(`recording ${t}`);
        if (parsed.kind === 'recording') {
          expect(new URL(parsed.url).protocol).toMatch(/^https?:$/);
        }
      }),
    );
  });
});
