import { describe, expect, it } from 'vitest';
import type { MinutesSettings } from '../../src/core/group.js';
import {
  minutesDueAt,
  minutesJobSpec,
  minutesKey,
  minutesNowJobSpec,
} from '../../src/core/minutes/minutesJobPlan.js';
import { minutesAnnouncement, minutesSetupProblem } from '../../src/core/minutes/minutesMessages.js';
import { notesAnswer, notesDecision } from '../../src/core/minutes/notesAnswer.js';

const START = new Date('2026-11-26T17:00:00.000Z');
const perMeeting: MinutesSettings = {
  mode: 'per-meeting',
  templateId: '1TemplateDoc000000000',
  folderId: '1MinutesFolder0000000',
  createBeforeMinutes: 60,
};
const running: MinutesSettings = { mode: 'running', docId: '1RunningDoc0000000000', createBeforeMinutes: 60 };
const at = (iso: string) => new Date(iso);

describe('the minutes job of a meeting', () => {
  it('is due the configured lead time before the start, keyed by group and start', () => {
    const spec = minutesJobSpec('serverless', START.toISOString(), perMeeting);
    expect(spec).toMatchObject({ key: 'minutes:serverless:2026-11-26T17:00:00.000Z', kind: 'minutes' });
    expect(spec.runAt.toISOString()).toBe('2026-11-26T16:00:00.000Z');
    expect(minutesDueAt(START, { ...running, createBeforeMinutes: 1440 }).toISOString()).toBe(
      '2026-11-25T17:00:00.000Z',
    );
  });

  it('asked for on demand, is due now under its own key, outside the planner’s prefix', () => {
    const now = at('2026-11-24T10:00:00.000Z');
    const spec = minutesNowJobSpec('serverless', START.toISOString(), now, 'U0LEAD001');
    expect(spec.runAt).toEqual(now);
    expect(spec.kind).toBe('minutes');
    expect(spec.payload).toMatchObject({ requestedBy: 'U0LEAD001' });
    expect(spec.key.startsWith('minutes:serverless:')).toBe(false);
    expect(spec.key).not.toBe(minutesKey('serverless', START.toISOString()));
  });
});

describe('/meeting notes', () => {
  const base = { settings: perMeeting, minutesUrl: null, startsAt: START, isLead: false };

  it('gives the link once the doc exists', () => {
    expect(
      notesDecision({
        ...base,
        minutesUrl: 'https://docs.google.com/document/d/x/edit',
        now: at('2026-11-26T16:30:00Z'),
      }),
    ).toEqual({
      kind: 'link',
      url: 'https://docs.google.com/document/d/x/edit',
    });
  });

  it('lets a lead create the doc early, and anyone once its time has come', () => {
    expect(notesDecision({ ...base, isLead: true, now: at('2026-11-24T10:00:00Z') })).toEqual({
      kind: 'create-now',
    });
    expect(notesDecision({ ...base, now: at('2026-11-26T16:00:00Z') })).toEqual({ kind: 'create-now' });
  });

  it('tells a member before that time when the doc will be created', () => {
    const decision = notesDecision({ ...base, now: at('2026-11-24T10:00:00Z') });
    expect(decision).toEqual({ kind: 'later', at: at('2026-11-26T16:00:00.000Z') });
    const text = notesAnswer(decision, {
      groupName: 'CNCF Serverless WG',
      title: 'Weekly call',
      startsAt: START,
      timeZone: 'America/Los_Angeles',
      settings: perMeeting,
    });
    expect(text).toContain('will be created <!date^1795708800^');
    expect(text).toContain('Thu 26 Nov 2026, 08:00 PST (16:00 UTC)');
    expect(text).toContain('(1h before the meeting)');
  });

  it('says minutes are not set up when the group has none (or Google is off)', () => {
    const decision = notesDecision({ ...base, settings: undefined, now: at('2026-11-24T10:00:00Z') });
    expect(decision).toEqual({ kind: 'off' });
    expect(
      notesAnswer(decision, {
        groupName: 'CNCF Serverless WG',
        title: 'Weekly call',
        startsAt: START,
        timeZone: 'UTC',
        settings: undefined,
      }),
    ).toContain('Minutes are not set up for *CNCF Serverless WG*');
  });
});

describe('messages about minutes', () => {
  it('announces the doc in the channel with its date and a labelled link', () => {
    expect(
      minutesAnnouncement({
        title: 'Weekly call',
        startsAt: START,
        timeZone: 'America/Los_Angeles',
        url: 'https://docs.google.com/document/d/abc/edit',
        docName: 'CNCF Serverless WG — 2026-11-26',
      }),
    ).toBe(
      ':memo: Minutes for *Weekly call* on Thu 26 Nov 2026: <https://docs.google.com/document/d/abc/edit|CNCF Serverless WG — 2026-11-26>',
    );
  });

  const problem = {
    groupName: 'CNCF Serverless WG',
    channelLabel: '#serverless',
    title: 'Weekly call',
    startsAt: START,
    timeZone: 'America/Los_Angeles',
    actor: 'gavel@proj.iam.gserviceaccount.com',
  };

  it('tells leads which doc to share with which account when the template is not shared', () => {
    const text = minutesSetupProblem({ ...problem, settings: perMeeting, failure: 'not-shared' });
    expect(text).toContain('`1TemplateDoc000000000`');
    expect(text).toContain('`1MinutesFolder0000000`');
    expect(text).toContain('`gavel@proj.iam.gserviceaccount.com`');
    expect(text).toContain('`/meeting notes` in #serverless');
    expect(minutesSetupProblem({ ...problem, settings: running, failure: 'not-shared' })).toContain(
      'running minutes doc `1RunningDoc0000000000`',
    );
  });

  it('explains that a service account cannot own files in a My Drive folder, and what to do instead', () => {
    const text = minutesSetupProblem({ ...problem, settings: perMeeting, failure: 'no-storage' });
    expect(text).toContain('no Drive storage of its own');
    expect(text).toContain('shared drive');
  });
});
