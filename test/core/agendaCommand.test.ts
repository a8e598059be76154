import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DETAILS_MAX,
  parseAgendaCommand,
  TOPIC_MAX,
  validateDetails,
  validateTopic,
} from '../../src/core/agenda/agendaCommand.js';

const containing = (s: string): unknown => expect.stringContaining(s);

describe('parsing /agenda', () => {
  it('opens the form when there is no text', () => {
    expect(parseAgendaCommand('')).toEqual({ kind: 'open-modal' });
    expect(parseAgendaCommand('   ')).toEqual({ kind: 'open-modal' });
  });

  describe('add', () => {
    it('takes the rest of the text as the topic, trimmed', () => {
      expect(parseAgendaCommand('add   Discuss CloudEvents 2.0  ')).toEqual({
        kind: 'add',
        topic: 'Discuss CloudEvents 2.0',
        date: undefined,
      });
    });

    it('accepts the sub-command in any case', () => {
      expect(parseAgendaCommand('ADD x')).toMatchObject({ kind: 'add', topic: 'x' });
    });

    it('targets a later meeting with a trailing `for YYYY-MM-DD`', () => {
      expect(parseAgendaCommand('add Discuss CloudEvents for 2026-12-03')).toEqual({
        kind: 'add',
        topic: 'Discuss CloudEvents',
        date: '2026-12-03',
      });
      expect(parseAgendaCommand('add Discuss CloudEvents FOR 2026-12-03')).toMatchObject({
        date: '2026-12-03',
      });
    });

    it('keeps "for" in the topic when no date follows it', () => {
      expect(parseAgendaCommand('add Plan for Q1')).toEqual({
        kind: 'add',
        topic: 'Plan for Q1',
        date: undefined,
      });
      expect(parseAgendaCommand('add Budget for 2027 planning')).toMatchObject({
        topic: 'Budget for 2027 planning',
      });
    });

    it('refuses a date that does not exist, saying the format', () => {
      const c = parseAgendaCommand('add Topic for 2026-02-30');
      expect(c.kind).toBe('invalid');
      expect(c).toMatchObject({ message: containing('YYYY-MM-DD') });
    });

    it('refuses an empty topic, also when only a date was given', () => {
      expect(parseAgendaCommand('add')).toMatchObject({
        kind: 'invalid',
        message: containing('topic'),
      });
      expect(parseAgendaCommand('add for 2026-12-03')).toMatchObject({ kind: 'invalid' });
    });

    it('accepts 300 characters and refuses 301, saying the limit', () => {
      expect(parseAgendaCommand(`add ${'x'.repeat(TOPIC_MAX)}`)).toMatchObject({ kind: 'add' });
      const c = parseAgendaCommand(`add ${'x'.repeat(TOPIC_MAX + 1)}`);
      expect(c).toMatchObject({ kind: 'invalid', message: containing('the limit is 300') });
    });

    it('counts an emoji as one character', () => {
      expect(parseAgendaCommand(`add ${'🚀'.repeat(TOPIC_MAX)}`)).toMatchObject({ kind: 'add' });
    });

    it('keeps Slack control sequences and Unicode in the topic as typed', () => {
      expect(parseAgendaCommand('add <!channel> 議題 مراجعة 🎉 <@U0LEAD001>')).toMatchObject({
        topic: '<!channel> 議題 مراجعة 🎉 <@U0LEAD001>',
      });
    });
  });

  describe('list', () => {
    it('lists the current meeting, or the one on a date', () => {
      expect(parseAgendaCommand('list')).toEqual({ kind: 'list', date: undefined });
      expect(parseAgendaCommand('ls 2026-12-03')).toEqual({ kind: 'list', date: '2026-12-03' });
    });

    it('refuses anything else, escaping what it repeats', () => {
      const c = parseAgendaCommand('list <!channel>');
      expect(c).toMatchObject({ kind: 'invalid', message: containing('&lt;!channel&gt;') });
    });
  });

  describe('remove and done', () => {
    it('take an item number, with or without #, and an optional date', () => {
      expect(parseAgendaCommand('remove 2')).toEqual({ kind: 'remove', number: 2, date: undefined });
      expect(parseAgendaCommand('rm #3 2026-12-03')).toEqual({
        kind: 'remove',
        number: 3,
        date: '2026-12-03',
      });
      expect(parseAgendaCommand('done 1')).toEqual({ kind: 'done', number: 1, date: undefined });
      expect(parseAgendaCommand('covered 4')).toEqual({ kind: 'done', number: 4, date: undefined });
    });

    it('refuse a missing, zero or non-numeric number with the usage', () => {
      for (const text of ['remove', 'remove 0', 'remove two', 'done 1 2 3', 'done x']) {
        expect(parseAgendaCommand(text)).toMatchObject({
          kind: 'invalid',
          message: containing('/agenda'),
        });
      }
    });
  });

  describe('move', () => {
    it('takes an item number and a date', () => {
      expect(parseAgendaCommand('move 2 2026-12-03')).toEqual({
        kind: 'move',
        number: 2,
        date: '2026-12-03',
      });
    });

    it('refuses anything else with the usage', () => {
      for (const text of ['move', 'move 2', 'move 0 2026-12-03', 'move 2 tomorrow', 'move 2 2026-12-03 x']) {
        expect(parseAgendaCommand(text).kind).toBe('invalid');
      }
    });
  });

  it('answers help with the usage, and an unknown sub-command too, naming it', () => {
    expect(parseAgendaCommand('help')).toEqual({ kind: 'help' });
    expect(parseAgendaCommand('frobnicate the agenda')).toEqual({ kind: 'help', unknown: 'frobnicate' });
  });

  it('maps every text to exactly one command without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        expect(parseAgendaCommand(text).kind).toMatch(
          /^(open-modal|add|list|remove|move|done|help|invalid)$/,
        );
      }),
    );
  });
});

describe('topic and details limits', () => {
  it('trims a topic and says why one is refused', () => {
    expect(validateTopic('  x  ')).toEqual({ ok: true, topic: 'x' });
    expect(validateTopic(' ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(validateTopic('y'.repeat(TOPIC_MAX + 1))).toMatchObject({ ok: false, reason: 'too-long' });
  });

  it('treats empty details as none and refuses more than 2,000 characters', () => {
    expect(validateDetails(undefined)).toEqual({ ok: true, details: null });
    expect(validateDetails('  ')).toEqual({ ok: true, details: null });
    expect(validateDetails(' see https://x.io ')).toEqual({ ok: true, details: 'see https://x.io' });
    expect(validateDetails('d'.repeat(DETAILS_MAX))).toMatchObject({ ok: true });
    expect(validateDetails('d'.repeat(DETAILS_MAX + 1))).toMatchObject({
      ok: false,
      message: containing('2000'),
    });
  });
});
