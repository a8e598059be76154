import { describe, expect, it } from 'vitest';
import { parseAgendaCommand } from '../../src/core/agenda/agendaCommand.js';
import { planOrder } from '../../src/core/agenda/agendaOrder.js';
import { parseTimebox, timeboxTotal } from '../../src/core/agenda/timebox.js';

const containing = (s: string): unknown => expect.stringContaining(s);

describe('/agenda add … for <duration>: a timebox', () => {
  it('reads a trailing `for 15m`, `for 1h`, `for 90m` as the timebox', () => {
    expect(parseAgendaCommand('add Release plan for 15m')).toEqual({
      kind: 'add',
      topic: 'Release plan',
      date: undefined,
      timeboxMinutes: 15,
    });
    expect(parseAgendaCommand('add Release plan for 1h')).toMatchObject({ timeboxMinutes: 60 });
    expect(parseAgendaCommand('add Release plan FOR 90m')).toMatchObject({ timeboxMinutes: 90 });
    expect(parseAgendaCommand('add Release plan for 1h30m')).toMatchObject({ timeboxMinutes: 90 });
    expect(parseAgendaCommand('add Release plan for 20min')).toMatchObject({ timeboxMinutes: 20 });
  });

  it('keeps "for" in the topic unless a duration ends the text', () => {
    expect(parseAgendaCommand('add Plan for Q3')).toEqual({
      kind: 'add',
      topic: 'Plan for Q3',
      date: undefined,
    });
    expect(parseAgendaCommand('add Budget for 2027')).toEqual({
      kind: 'add',
      topic: 'Budget for 2027',
      date: undefined,
    });
    expect(parseAgendaCommand('add Time for 15m of fame now')).toMatchObject({
      topic: 'Time for 15m of fame now',
    });
    expect(parseAgendaCommand('add Plan for 15m')).not.toHaveProperty('topic', 'Plan for 15m');
  });

  it('takes a date and a timebox together, in either order', () => {
    const both = { kind: 'add', topic: 'Release plan', date: '2026-12-03', timeboxMinutes: 15 };
    expect(parseAgendaCommand('add Release plan for 15m for 2026-12-03')).toEqual(both);
    expect(parseAgendaCommand('add Release plan for 2026-12-03 for 15m')).toEqual(both);
    // Only one of each: a second duration is part of the topic.
    expect(parseAgendaCommand('add Talk for 5m for 15m')).toMatchObject({
      topic: 'Talk for 5m',
      timeboxMinutes: 15,
    });
  });

  it('refuses a timebox outside 1–240 minutes, and a timebox without a topic', () => {
    expect(parseAgendaCommand('add Release plan for 300m')).toEqual({
      kind: 'invalid',
      message: containing('A timebox is 1 to 240 minutes'),
    });
    expect(parseAgendaCommand('add Release plan for 5h')).toMatchObject({ kind: 'invalid' });
    expect(parseAgendaCommand('add Release plan for 0m')).toMatchObject({
      kind: 'invalid',
      message: containing('too short'),
    });
    expect(parseAgendaCommand('add for 15m')).toMatchObject({
      kind: 'invalid',
      message: containing('Say what'),
    });
  });

  it('parses durations with a unit only, unless the form asks for bare minutes', () => {
    expect(parseTimebox('15')).toBeUndefined();
    expect(parseTimebox('15', { bareMinutes: true })).toBe(15);
    expect(parseTimebox('2h')).toBe(120);
    expect(parseTimebox('Q3')).toBeUndefined();
  });

  it('totals the open items against the meeting, saying what has no timebox', () => {
    const items = [
      { timeboxMinutes: 45, status: 'open' },
      { timeboxMinutes: 30, status: 'open' },
      { timeboxMinutes: null, status: 'open' },
      { timeboxMinutes: 60, status: 'covered' },
    ];
    expect(timeboxTotal(items, 60)).toBe(
      'Agenda: 75 min for a 60 min meeting, 15 min over (1 item without a timebox)',
    );
    expect(timeboxTotal([{ timeboxMinutes: 15 }], 60)).toBe('Agenda: 15 min for a 60 min meeting');
    expect(timeboxTotal([{ timeboxMinutes: null }], 60)).toBeUndefined();
  });
});

describe('/agenda move <n> top|up|down and /agenda order', () => {
  it('reads a place word after the number, and keeps `move <n> <date>` to another meeting', () => {
    expect(parseAgendaCommand('move 3 top')).toEqual({ kind: 'shift', number: 3, to: 'top' });
    expect(parseAgendaCommand('move #2 UP')).toEqual({ kind: 'shift', number: 2, to: 'up' });
    expect(parseAgendaCommand('mv 1 down')).toEqual({ kind: 'shift', number: 1, to: 'down' });
    expect(parseAgendaCommand('move 1 bottom')).toEqual({ kind: 'shift', number: 1, to: 'bottom' });
    expect(parseAgendaCommand('move 2 2026-12-03')).toEqual({ kind: 'move', number: 2, date: '2026-12-03' });
    expect(parseAgendaCommand('move 2 sideways')).toMatchObject({
      kind: 'invalid',
      message: containing('neither a date nor top, up, down or bottom'),
    });
    expect(parseAgendaCommand('move top')).toMatchObject({ kind: 'invalid' });
  });

  it('reads `order` as item numbers, separated by spaces or commas', () => {
    expect(parseAgendaCommand('order 3 1 2')).toEqual({ kind: 'order', numbers: [3, 1, 2] });
    expect(parseAgendaCommand('order 3, 1,2')).toEqual({ kind: 'order', numbers: [3, 1, 2] });
    expect(parseAgendaCommand('order #3 #1')).toEqual({ kind: 'order', numbers: [3, 1] });
    expect(parseAgendaCommand('order')).toMatchObject({
      kind: 'invalid',
      message: containing('/agenda order 3 1 2'),
    });
    expect(parseAgendaCommand('order 3 one 2')).toMatchObject({
      kind: 'invalid',
      message: containing('`one` is not an item number'),
    });
    expect(
      parseAgendaCommand(`order ${Array.from({ length: 101 }, (_, i) => i + 1).join(' ')}`),
    ).toMatchObject({
      kind: 'invalid',
      message: containing('At most 100'),
    });
  });

  const agenda = [
    { number: 1, status: 'open' },
    { number: 2, status: 'covered' },
    { number: 3, status: 'open' },
    { number: 4, status: 'open' },
  ];

  it('plans a shift among the items still to discuss', () => {
    expect(planOrder(agenda, { kind: 'shift', number: 4, to: 'top' })).toEqual({
      ok: true,
      order: [4, 1, 3],
      changed: true,
    });
    expect(planOrder(agenda, { kind: 'shift', number: 4, to: 'up' })).toMatchObject({ order: [1, 4, 3] });
    expect(planOrder(agenda, { kind: 'shift', number: 1, to: 'down' })).toMatchObject({ order: [3, 1, 4] });
    expect(planOrder(agenda, { kind: 'shift', number: 1, to: 'bottom' })).toMatchObject({ order: [3, 4, 1] });
    expect(planOrder(agenda, { kind: 'shift', number: 1, to: 'up' })).toMatchObject({
      ok: true,
      changed: false,
    });
  });

  it('accepts a permutation of the open items and explains every other list', () => {
    expect(planOrder(agenda, { kind: 'order', numbers: [4, 3, 1] })).toEqual({
      ok: true,
      order: [4, 3, 1],
      changed: true,
    });
    expect(planOrder(agenda, { kind: 'order', numbers: [4, 4, 1] })).toEqual({
      ok: false,
      message: '#4 is named twice. In their current order the items still to discuss are 1 3 4.',
    });
    expect(planOrder(agenda, { kind: 'order', numbers: [4, 1] })).toEqual({
      ok: false,
      message:
        'Name every item still to discuss, in the new order: #3 is missing. In their current order the items still to discuss are 1 3 4.',
    });
    expect(planOrder(agenda, { kind: 'order', numbers: [4, 3, 1, 2] })).toMatchObject({
      ok: false,
      message: containing('#2 is covered: only items still to discuss are reordered.'),
    });
    expect(planOrder(agenda, { kind: 'order', numbers: [4, 3, 1, 9] })).toMatchObject({
      ok: false,
      message: containing('There is no item #9'),
    });
    expect(planOrder(agenda, { kind: 'shift', number: 2, to: 'top' })).toMatchObject({ ok: false });
  });
});
