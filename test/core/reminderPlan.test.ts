import { describe, expect, it } from 'vitest';
import { isLate, reminderDecision, reminderJobs } from '../../src/core/reminder/reminderPlan.js';
import { gid } from '../support/ids.js';

const start = new Date('2026-11-26T17:00:00.000Z');

describe('reminder jobs', () => {
  it('makes one job per lead time, keyed by group, meeting and lead, run two minutes before start − lead', () => {
    expect(reminderJobs(gid('serverless'), start, [1440, 10])).toEqual([
      {
        key: 'reminder:serverless:2026-11-26T17:00:00.000Z:1440m',
        kind: 'reminder',
        runAt: new Date('2026-11-25T16:58:00.000Z'),
        payload: { groupId: 'serverless', startsAt: '2026-11-26T17:00:00.000Z', leadMinutes: 1440 },
      },
      expect.objectContaining({
        key: 'reminder:serverless:2026-11-26T17:00:00.000Z:10m',
        runAt: new Date('2026-11-26T16:48:00.000Z'),
      }),
    ]);
  });

  it('keys are stable: planning twice gives the same keys', () => {
    const keys = () => reminderJobs(gid('serverless'), start, [1440, 10]).map((j) => j.key);
    expect(keys()).toEqual(keys());
  });
});

describe('whether a due reminder is posted', () => {
  const dueAt = new Date('2026-11-26T16:50:00.000Z');
  const at = (iso: string) => new Date(iso);

  it('posts on time', () => {
    const d = reminderDecision({ now: dueAt, dueAt, startsAt: start, status: 'scheduled' });
    expect(d).toEqual({ kind: 'post', lateByMs: 0 });
    expect(isLate(d)).toBe(false);
  });

  it('still posts after downtime if the meeting has not started, marked late', () => {
    const d = reminderDecision({
      now: at('2026-11-26T16:58:00Z'),
      dueAt,
      startsAt: start,
      status: 'scheduled',
    });
    expect(d).toEqual({ kind: 'post', lateByMs: 8 * 60_000 });
    expect(isLate(d)).toBe(true);
  });

  it('never posts into the past once the meeting has started', () => {
    expect(reminderDecision({ now: start, dueAt, startsAt: start, status: 'scheduled' })).toEqual({
      kind: 'skip',
      reason: 'meeting-started',
    });
  });

  it('skips cancelled and removed meetings', () => {
    expect(reminderDecision({ now: dueAt, dueAt, startsAt: start, status: 'cancelled' }).kind).toBe('skip');
    expect(reminderDecision({ now: dueAt, dueAt, startsAt: start, status: 'missing' }).kind).toBe('skip');
  });
});
