import { describe, expect, it } from 'vitest';
import {
  AGENDA_MODAL,
  agendaModalView,
  parseModalMetadata,
  readAgendaSubmission,
} from '../../src/core/agenda/agendaModal.js';

const containing = (s: string): unknown => expect.stringContaining(s);

const meetings = Array.from({ length: 10 }, (_, i) => ({
  startsAt: new Date(Date.UTC(2026, 10, 26 + 7 * i, 17)).toISOString(),
  title: 'Weekly call',
}));
const view = (selected?: string) =>
  agendaModalView({
    groupName: 'CNCF <Serverless> WG',
    timeZone: 'America/Los_Angeles',
    meetings,
    selected,
    metadata: { groupId: 'serverless', channelId: 'C0SERVERLESS' },
  });
const element = (v: ReturnType<typeof view>, blockId: string) =>
  (
    v.blocks.find((b) => 'block_id' in b && b.block_id === blockId) as unknown as {
      element: Record<string, unknown>;
    }
  ).element;

const values = (topic: string | null, details: string | null, meeting: string | null) => ({
  [AGENDA_MODAL.topicBlock]: { [AGENDA_MODAL.topicAction]: { value: topic } },
  [AGENDA_MODAL.detailsBlock]: { [AGENDA_MODAL.detailsAction]: { value: details } },
  [AGENDA_MODAL.meetingBlock]: {
    [AGENDA_MODAL.meetingAction]: { selected_option: meeting ? { value: meeting } : null },
  },
});

describe('the add-agenda-item modal', () => {
  it('asks for a topic of up to 300 characters and optional details of up to 2,000', () => {
    const v = view();
    expect(v.callback_id).toBe('agenda.add');
    expect(element(v, AGENDA_MODAL.topicBlock)).toMatchObject({ type: 'plain_text_input', max_length: 300 });
    expect(element(v, AGENDA_MODAL.detailsBlock)).toMatchObject({ multiline: true, max_length: 2000 });
    expect(JSON.stringify(v.blocks)).toContain('CNCF &lt;Serverless&gt; WG');
  });

  it('offers the next eight meetings, labelled in the group’s zone, the first preselected', () => {
    const select = element(view(), AGENDA_MODAL.meetingBlock) as {
      options: { text: { text: string }; value: string }[];
      initial_option: { value: string };
    };
    expect(select.options).toHaveLength(8);
    expect(select.options[0]).toEqual({
      text: { type: 'plain_text', text: 'Thu 26 Nov 2026, 09:00 PST · Weekly call' },
      value: '2026-11-26T17:00:00.000Z',
    });
    expect(select.initial_option.value).toBe('2026-11-26T17:00:00.000Z');
  });

  it('preselects the meeting a reminder’s button named', () => {
    const select = element(view(meetings[2]!.startsAt), AGENDA_MODAL.meetingBlock) as {
      initial_option: { value: string };
    };
    expect(select.initial_option.value).toBe(meetings[2]!.startsAt);
  });

  it('carries the group and channel in its metadata', () => {
    expect(parseModalMetadata(view().private_metadata!)).toEqual({
      groupId: 'serverless',
      channelId: 'C0SERVERLESS',
    });
    expect(parseModalMetadata('not json')).toBeUndefined();
    expect(parseModalMetadata('{"groupId":1}')).toBeUndefined();
  });

  it('reads a valid submission, trimmed, empty details and timebox as none', () => {
    expect(readAgendaSubmission(values('  Topic 🎉 ', '  ', '2026-11-26T17:00:00.000Z'))).toEqual({
      ok: true,
      topic: 'Topic 🎉',
      details: null,
      timeboxMinutes: null,
      meetingStartsAt: '2026-11-26T17:00:00.000Z',
    });
  });

  it('answers each problem on its own block', () => {
    expect(readAgendaSubmission(values('  ', 'd'.repeat(2001), null))).toEqual({
      ok: false,
      errors: {
        [AGENDA_MODAL.topicBlock]: 'Say what the topic is.',
        [AGENDA_MODAL.detailsBlock]: 'The details are 2001 characters; the limit is 2000.',
        [AGENDA_MODAL.meetingBlock]: 'Choose a meeting.',
      },
    });
    expect(readAgendaSubmission(values('t'.repeat(301), null, meetings[0]!.startsAt))).toMatchObject({
      ok: false,
      errors: { [AGENDA_MODAL.topicBlock]: containing('300 characters') },
    });
  });
});

describe('the modal’s timebox field', () => {
  const withTimebox = (timebox: string | null) => ({
    ...values('Release plan', null, '2026-11-26T17:00:00.000Z'),
    [AGENDA_MODAL.timeboxBlock]: { [AGENDA_MODAL.timeboxAction]: { value: timebox } },
  });

  it('is offered, optional, beside the topic', () => {
    const v = view();
    expect(element(v, AGENDA_MODAL.timeboxBlock)).toMatchObject({ type: 'plain_text_input', max_length: 10 });
  });

  it('takes minutes bare or with a unit, and refuses anything else on its own block', () => {
    expect(readAgendaSubmission(withTimebox('15'))).toMatchObject({ ok: true, timeboxMinutes: 15 });
    expect(readAgendaSubmission(withTimebox(' 1h30m '))).toMatchObject({ ok: true, timeboxMinutes: 90 });
    expect(readAgendaSubmission(withTimebox('soon'))).toEqual({
      ok: false,
      errors: { [AGENDA_MODAL.timeboxBlock]: 'Write a duration like 15m, 1h or 90m.' },
    });
    expect(readAgendaSubmission(withTimebox('300m'))).toEqual({
      ok: false,
      errors: { [AGENDA_MODAL.timeboxBlock]: 'A timebox is 1 to 240 minutes (4h); 300 min is too long.' },
    });
  });
});
