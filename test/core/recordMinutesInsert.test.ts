import { describe, expect, it } from 'vitest';
import {
  attendeeLine,
  decisionLine,
  minutesRecordInsert,
  type RecordEntry,
} from '../../src/core/record/minutesRecordInsert.js';
import { type DocsRequest, paragraphRequests } from '../../src/google/docsRequests.js';

/** Applies the inserts to plain text the way Docs does (index 1 is the first character). */
function apply(text: string, requests: readonly DocsRequest[]): string {
  let out = text;
  for (const r of requests) {
    if ('insertText' in r) {
      const at = r.insertText.location.index - 1;
      out = out.slice(0, at) + r.insertText.text + out.slice(at);
    }
  }
  return out;
}

/** Writes the entry as the job would; a doc that has it already comes back unchanged. */
function write(doc: string, entry: RecordEntry, section?: string): string {
  const result = minutesRecordInsert(doc, entry, section);
  if (result.kind === 'present') return doc;
  const requests = paragraphRequests(result.at, result.paragraphs);
  for (const r of requests) {
    if ('insertText' in r) expect(r.insertText.location.index).toBeLessThan(doc.length + 1);
  }
  return apply(doc, requests);
}

const attendee = (name: string, org?: string): RecordEntry => ({
  kind: 'attendee',
  line: attendeeLine(name, org),
});
const decision = (number: number, text: string): RecordEntry => ({
  kind: 'decision',
  number,
  line: decisionLine(number, text),
});

describe('the lines of the record in the minutes', () => {
  it('names an attendee with their organisation, or alone', () => {
    expect(attendeeLine('Alice Example', 'Google')).toBe('Alice Example (Google)');
    expect(attendeeLine('Bob', undefined)).toBe('Bob');
  });

  it('numbers a decision and keeps it on one plain line', () => {
    expect(decisionLine(3, 'Adopt <https://x.test|v1.0>\nfor &lt;all&gt;')).toBe(
      'Decision #3: Adopt v1.0 (https://x.test) for <all>',
    );
  });
});

describe('writing the record into a per-meeting doc', () => {
  const doc = 'Serverless WG — 2026-12-03\nAgenda\n1. Topic\nAttendees:\n\nNotes\n\n';

  it('adds attendees under the Attendees heading, after those already there', () => {
    let d = write(doc, attendee('Alice', 'Google'));
    d = write(d, attendee('Bob'));
    expect(d).toBe(
      'Serverless WG — 2026-12-03\nAgenda\n1. Topic\nAttendees:\nAlice (Google)\nBob\n\nNotes\n\n',
    );
  });

  it('writes an attendee once, however often the job runs', () => {
    const once = write(doc, attendee('Alice', 'Google'));
    expect(minutesRecordInsert(once, attendee('Alice', 'Google'))).toEqual({ kind: 'present' });
  });

  it('accepts a Participants heading, in any case', () => {
    expect(write('Title\nPARTICIPANTS\nNotes\n', attendee('Alice'))).toBe(
      'Title\nPARTICIPANTS\nAlice\nNotes\n',
    );
  });

  it('adds an Attendees heading after the title when the doc has none', () => {
    const result = minutesRecordInsert('Title\nNotes\n', attendee('Alice'));
    expect(result).toEqual({
      kind: 'insert',
      at: { before: 6 },
      paragraphs: [
        { text: 'Attendees', style: 'subheading' },
        { text: 'Alice', style: 'normal' },
      ],
    });
    expect(write('Title\nNotes\n', attendee('Alice'))).toBe('Title\nAttendees\nAlice\nNotes\n');
  });

  it('keeps decisions in number order under their heading, whichever is written first', () => {
    let d = 'Title\nDecisions\n\nNotes\n';
    d = write(d, decision(4, 'Four'));
    d = write(d, decision(2, 'Two'));
    d = write(d, decision(3, 'Three'));
    expect(d).toBe('Title\nDecisions\nDecision #2: Two\nDecision #3: Three\nDecision #4: Four\n\nNotes\n');
    expect(minutesRecordInsert(d, decision(3, 'Three, edited'))).toEqual({ kind: 'present' });
  });

  it('adds a Decisions heading at the end of the doc when there is none', () => {
    let d = write('Title\nNotes\n\n', decision(1, 'One'));
    d = write(d, decision(2, 'Two'));
    expect(d).toBe('Title\nNotes\n\nDecisions\nDecision #1: One\nDecision #2: Two\n');
  });

  it('puts the recording just after the title, once', () => {
    const recording: RecordEntry = { kind: 'recording', url: 'https://youtu.be/abc' };
    const d = write(doc, recording);
    expect(d.split('\n').slice(0, 2)).toEqual([
      'Serverless WG — 2026-12-03',
      'Recording: https://youtu.be/abc',
    ]);
    expect(minutesRecordInsert(d, recording)).toEqual({ kind: 'present' });
  });

  it('adds a newer recording above an older one and keeps both', () => {
    const d = write('Title\nRecording: https://old.test/1\n', {
      kind: 'recording',
      url: 'https://new.test/2',
    });
    expect(d).toBe('Title\nRecording: https://new.test/2\nRecording: https://old.test/1\n');
  });

  it('writes into a doc that is only a title, as its new last paragraphs', () => {
    expect(minutesRecordInsert('Title\n', attendee('Alice'))).toMatchObject({ at: { after: 6 } });
    expect(write('Title\n', attendee('Alice'))).toBe('Title\nAttendees\nAlice\n');
  });

  it('counts offsets in UTF-16 code units, as Docs does, past emoji and CJK', () => {
    const d = 'Réunion 🎉 会议\nAttendees\n\n';
    const result = minutesRecordInsert(d, attendee('Zoë 👩🏽‍💻'));
    // 'Réunion 🎉 会议\n' is 14 code units ('🎉' is two), 'Attendees\n' 10 more.
    expect(result).toMatchObject({ at: { before: 24 } });
    expect(write(d, attendee('Zoë 👩🏽‍💻'))).toBe('Réunion 🎉 会议\nAttendees\nZoë 👩🏽‍💻\n\n');
  });
});

describe('writing the record into a running doc', () => {
  const newer = 'Weekly call — Thursday 10 December 2026';
  const older = 'Weekly call — Thursday 3 December 2026';
  const section = (heading: string) =>
    [
      heading,
      'Thursday 10 December 2026, 09:00 PST (17:00 UTC)',
      'Join: https://zoom.test/1',
      'Agenda',
      '1. Topic (Alice)',
      'Attendees',
      '',
      'Notes',
      '',
      'Action items (What / Who / When)',
      '',
    ].join('\n');
  const doc = `${section(newer)}\n${section(older)}\n`;
  const [newerPart, olderPart] = [section(newer), section(older)];
  /** The section with a Decisions part written just before its action items. */
  const decided = (part: string, ...decisions: string[]) =>
    part.replace(
      'Action items (What / Who / When)',
      ['Decisions', ...decisions, 'Action items (What / Who / When)'].join('\n'),
    );

  it('adds an attendee to the meeting’s own section only', () => {
    const d = write(doc, attendee('Alice', 'Google'), older);
    expect(d).toBe(`${newerPart}\n${olderPart.replace('Attendees\n', 'Attendees\nAlice (Google)\n')}\n`);
    expect(minutesRecordInsert(d, attendee('Alice', 'Google'), older)).toEqual({ kind: 'present' });
    // The same person at the newer meeting is a line of its own.
    expect(minutesRecordInsert(d, attendee('Alice', 'Google'), newer)).toMatchObject({ kind: 'insert' });
  });

  it('puts a section’s decisions before its action items, in their order', () => {
    let d = write(doc, decision(8, 'Ship it'), newer);
    d = write(d, decision(7, 'Adopt v1.0'), newer);
    expect(d).toBe(
      `${decided(newerPart, 'Decision #7: Adopt v1.0', 'Decision #8: Ship it')}\n${olderPart}\n`,
    );
  });

  it('keeps the last section’s decisions in it, not after the doc’s own title at the end', () => {
    const titled = `${doc}Serverless WG meeting notes\n`;
    const d = write(titled, decision(2, 'Earlier'), older);
    expect(d).toBe(
      `${newerPart}\n${decided(olderPart, 'Decision #2: Earlier')}\nServerless WG meeting notes\n`,
    );
  });

  it('adds decisions at the end of a section that has no action items heading', () => {
    const bare = `${newer}\nNotes\n\n${olderPart}\n`;
    expect(write(bare, decision(1, 'One'), newer)).toBe(
      `${newer}\nNotes\n\nDecisions\nDecision #1: One\n${olderPart}\n`,
    );
  });

  it('finds a decision only in its own section', () => {
    const d = write(doc, decision(7, 'Adopt v1.0'), newer);
    expect(minutesRecordInsert(d, decision(7, 'Adopt v1.0'), newer)).toEqual({ kind: 'present' });
    expect(minutesRecordInsert(d, decision(7, 'Adopt v1.0'), older)).toMatchObject({ kind: 'insert' });
  });

  it('puts the recording right under the section heading', () => {
    const d = write(doc, { kind: 'recording', url: 'https://youtu.be/abc' }, older);
    expect(d).toBe(
      `${newerPart}\n${olderPart.replace(`${older}\n`, `${older}\nRecording: https://youtu.be/abc\n`)}\n`,
    );
  });

  it('does not take a decision that reads like a heading for the next section', () => {
    let d = write(doc, decision(1, 'Meet — Thursday 17 December 2026'), newer);
    d = write(d, decision(2, 'Two'), newer);
    expect(d).toContain('Decision #1: Meet — Thursday 17 December 2026\nDecision #2: Two\n');
  });

  it('knows a section heading with the time, when two meetings share a date', () => {
    const timed = 'Weekly call — Thursday 3 December 2026, 17:00 PST';
    const d = `${section(newer)}\n${section(timed)}\n`;
    const written = write(d, decision(1, 'One'), newer);
    expect(written).toBe(`${decided(section(newer), 'Decision #1: One')}\n${section(timed)}\n`);
  });
});
