import { describe, expect, it } from 'vitest';
import { type AgendaEntry, minutesAgendaInsert } from '../../src/core/minutes/minutesAgendaInsert.js';
import { runningSectionAt } from '../../src/core/minutes/runningSection.js';
import type { ParagraphsAt } from '../../src/core/ports/minutesDocs.js';

/** The doc's text with one paragraph written where `at` says (the ParagraphsAt rule). */
function write(doc: string, at: ParagraphsAt, text: string): string {
  if ('before' in at) return doc.slice(0, at.before) + `${text}\n` + doc.slice(at.before);
  return doc.slice(0, at.after) + `${text}\n` + doc.slice(at.after);
}
const entry = (number: number, topic: string, author = 'Bob'): AgendaEntry => ({
  number,
  topic,
  line: `${number}. ${topic} (${author})`,
});
function added(doc: string, e: AgendaEntry, section?: string): string {
  const insert = minutesAgendaInsert(doc, e, section);
  if (insert.kind !== 'insert') throw new Error(`expected an insert, got ${insert.kind}`);
  return write(doc, insert.at, insert.paragraph.text);
}

const PER_MEETING = [
  'CNCF Serverless WG: Weekly call',
  'Agenda',
  '1. Discuss CloudEvents 2.0 (Alice)',
  'Attendees',
  'Shared To Do: What / Who / When',
  '',
].join('\n');

describe('an agenda item added after the minutes were made', () => {
  it('goes after the last item of the doc’s agenda, above what follows it', () => {
    expect(added(PER_MEETING, entry(2, 'Release plan')).split('\n').slice(1, 5)).toEqual([
      'Agenda',
      '1. Discuss CloudEvents 2.0 (Alice)',
      '2. Release plan (Bob)',
      'Attendees',
    ]);
  });

  it('keeps what people wrote: edited lines and notes among the items stay, the item goes after them', () => {
    const doc = PER_MEETING.replace(
      '1. Discuss CloudEvents 2.0 (Alice)\n',
      '1. Discuss CloudEvents 2.0 (Alice) — moved to Tuesday\nnotes: ask Clemens\n',
    );
    const after = added(doc, entry(2, 'Release plan'));
    expect(after).toBe(doc.replace('notes: ask Clemens\n', 'notes: ask Clemens\n2. Release plan (Bob)\n'));
    expect(minutesAgendaInsert(doc, entry(1, 'Discuss CloudEvents 2.0', 'Alice')).kind).toBe('present');
  });

  it('is written once: a retry finds its line', () => {
    const once = added(PER_MEETING, entry(2, 'Release plan'));
    expect(minutesAgendaInsert(once, entry(2, 'Release plan')).kind).toBe('present');
    // The same number with another topic (the last item removed, a new one added) is a new line.
    expect(added(once, entry(2, 'Something else'))).toContain(
      '2. Release plan (Bob)\n2. Something else (Bob)\n',
    );
  });

  it('finds the agenda a template filled without an Agenda heading, also at the end of the doc', () => {
    const doc = 'Minutes of Weekly call\n1. Discuss CloudEvents 2.0 (Alice)\n';
    expect(added(doc, entry(2, 'Release plan'))).toBe(`${doc}2. Release plan (Bob)\n`);
    const empty = 'Minutes of Weekly call\nNo agenda items yet.\n';
    expect(added(empty, entry(1, 'Release plan'))).toBe(`${empty}1. Release plan (Bob)\n`);
  });

  it('in a running doc stays in its meeting’s section, under that section’s agenda', () => {
    const section = (title: string, items: string[]) =>
      [title, 'Agenda', ...items, 'Attendees', '', 'Notes', ''].join('\n');
    const doc = [
      'Serverless WG notes',
      section('Weekly call — Thursday 3 December 2026', ['1. Next week (Alice)']),
      section('Weekly call — Thursday 26 November 2026', ['1. Discuss CloudEvents 2.0 (Alice)']),
      '',
    ].join('\n');
    const heading = 'Weekly call — Thursday 26 November 2026';
    // Item 1 of the other meeting does not count as this one's.
    expect(minutesAgendaInsert(doc, entry(1, 'Next week', 'Alice'), heading).kind).toBe('insert');
    const after = added(doc, entry(2, 'Release plan'), heading);
    expect(after).toBe(
      doc.replace(
        '1. Discuss CloudEvents 2.0 (Alice)\n',
        '1. Discuss CloudEvents 2.0 (Alice)\n2. Release plan (Bob)\n',
      ),
    );
    expect(minutesAgendaInsert(after, entry(2, 'Release plan'), heading).kind).toBe('present');
    expect(
      minutesAgendaInsert(doc, entry(2, 'Release plan'), 'Weekly call — Thursday 1 January 2027').kind,
    ).toBe('no-section');
  });
});

describe('where a running doc’s new section goes', () => {
  const older = 'Weekly call — Thursday 19 November 2026\nWe met.\n';
  it('below the doc’s title and the text above the first section, above the newest section', () => {
    const doc = `CNCF Serverless WG notes\nHow we take notes: see below.\n\n${older}`;
    expect(write(doc, runningSectionAt(doc), 'NEW')).toBe(
      `CNCF Serverless WG notes\nHow we take notes: see below.\n\nNEW\n${older}`,
    );
  });
  it('at the top when the doc starts with a section, after the text when it has none, at the top of an empty doc', () => {
    expect(runningSectionAt(older)).toEqual({ before: 0 });
    expect(write('Our notes\n', runningSectionAt('Our notes\n'), 'NEW')).toBe('Our notes\nNEW\n');
    expect(runningSectionAt('\n')).toEqual({ before: 0 });
  });
});
