import { describe, expect, it } from 'vitest';
import { JOB_LEASE_MS } from '../../src/core/jobs/lease.js';
import {
  afterFruitlessLook,
  MIN_SCHEDULE_AHEAD_MS,
  nextReminderStep,
  STAGE_AHEAD_MS,
} from '../../src/core/reminder/reminderDelivery.js';

const due = new Date('2026-11-26T16:50:00.000Z');
const before = (ms: number) => new Date(due.getTime() - ms);
const scheduling = { state: 'scheduling', postAt: due, channelId: 'C1', text: 'Reminder: x' } as const;

describe('how a reminder reaches Slack', () => {
  it('is handed to Slack to post on its minute when the job runs on time', () => {
    expect(nextReminderStep({ state: 'none' }, before(STAGE_AHEAD_MS), due)).toEqual({
      kind: 'schedule',
      postAt: due,
    });
  });

  it('is posted at once when too little time is left for a crash to be recovered before its minute', () => {
    expect(MIN_SCHEDULE_AHEAD_MS).toBeGreaterThan(JOB_LEASE_MS);
    expect(STAGE_AHEAD_MS).toBeGreaterThan(MIN_SCHEDULE_AHEAD_MS);
    expect(nextReminderStep({ state: 'none' }, before(MIN_SCHEDULE_AHEAD_MS - 1), due)).toEqual({
      kind: 'post',
    });
    expect(nextReminderStep({ state: 'none' }, new Date(due.getTime() + 60_000), due)).toEqual({
      kind: 'post',
    });
  });

  it('is done once Slack has it, scheduled or posted', () => {
    const now = before(1000);
    expect(nextReminderStep({ state: 'scheduled', postAt: due, scheduledMessageId: 'Q1' }, now, due)).toEqual(
      { kind: 'done' },
    );
    expect(nextReminderStep({ state: 'posted', ts: '1.2' }, now, due)).toEqual({ kind: 'done' });
  });

  it('after a cut-off scheduling, looks among the pending messages while they can still be seen', () => {
    expect(nextReminderStep(scheduling, before(60_000), due)).toEqual({
      kind: 'look',
      postAt: due,
      channelId: 'C1',
      text: 'Reminder: x',
    });
  });

  it('after a cut-off scheduling found too late to look, sends nothing more rather than risk a second post', () => {
    expect(nextReminderStep(scheduling, before(5_000), due)).toEqual({
      kind: 'unknown',
      reason: 'cut-off-while-scheduling',
    });
  });

  it('after a cut-off post, sends nothing more: nothing can tell whether it went out', () => {
    expect(nextReminderStep({ state: 'posting' }, before(STAGE_AHEAD_MS), due)).toEqual({
      kind: 'unknown',
      reason: 'cut-off-while-posting',
    });
  });

  it('when the look finds nothing, schedules again for the same minute, or posts if that is too close', () => {
    expect(afterFruitlessLook(before(MIN_SCHEDULE_AHEAD_MS), due)).toEqual({ kind: 'schedule', postAt: due });
    expect(afterFruitlessLook(before(30_000), due)).toEqual({ kind: 'post' });
  });
});
