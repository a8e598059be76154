import { describe, expect, it } from 'vitest';
import { rolloverPlan } from '../../src/core/agenda/rolloverPlan.js';

const NEXT = '2026-12-03T17:00:00.000Z';

describe('what happens to open agenda items after a meeting', () => {
  it('moves them to the next meeting when the group rolls over', () => {
    expect(rolloverPlan({ meetingStatus: 'scheduled', mode: 'roll-over', next: NEXT })).toEqual({
      kind: 'move',
      to: NEXT,
    });
  });

  it('drops them when the group drops', () => {
    expect(rolloverPlan({ meetingStatus: 'scheduled', mode: 'drop', next: NEXT })).toEqual({ kind: 'drop' });
  });

  it('always moves the items of a cancelled meeting: it never took place', () => {
    expect(rolloverPlan({ meetingStatus: 'cancelled', mode: 'drop', next: NEXT })).toEqual({
      kind: 'move',
      to: NEXT,
    });
  });

  it('keeps them where they are when no next meeting is planned', () => {
    expect(rolloverPlan({ meetingStatus: 'scheduled', mode: 'roll-over', next: undefined })).toEqual({
      kind: 'keep',
      reason: 'no-next-meeting',
    });
  });
});
