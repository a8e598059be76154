import { describe, expect, it } from 'vitest';
import { reminderKey } from '../../src/core/reminder/reminderPlan.js';
import {
  meetingGoesAhead,
  meetingsToWithdraw,
  reminderKeyMeeting,
  reminderKeysByGroup,
} from '../../src/core/reminder/withdrawals.js';

const NOV_26 = '2026-11-26T17:00:00.000Z';
const DEC_03 = '2026-12-03T17:00:00.000Z';

describe('the meeting a reminder key names', () => {
  it('is the start instant reminderKey put in, colons and all', () => {
    expect(reminderKeyMeeting('serverless', reminderKey('serverless', NOV_26, 10))).toBe(NOV_26);
    expect(reminderKeyMeeting('cf:runtime', reminderKey('cf:runtime', NOV_26, 1440))).toBe(NOV_26);
  });

  it('is undefined for another group’s key, even one whose id starts the same', () => {
    expect(reminderKeyMeeting('cf', reminderKey('cf-runtime', NOV_26, 10))).toBeUndefined();
    expect(reminderKeyMeeting('cf', `minutes:cf:${NOV_26}`)).toBeUndefined();
  });
});

describe('reminder keys sorted by group', () => {
  it('puts each key under the group reminderKey put in, colons in the id and all', () => {
    const keys = [
      reminderKey('serverless', NOV_26, 10),
      reminderKey('cf:runtime', NOV_26, 1440),
      reminderKey('serverless', DEC_03, 10),
      `minutes:serverless:${NOV_26}`,
      'reminder:serverless:not-an-instant:10m',
    ];
    expect(reminderKeysByGroup(keys)).toEqual(
      new Map([
        ['serverless', [keys[0], keys[2]]],
        ['cf:runtime', [keys[1]]],
      ]),
    );
  });
});

describe('which handed-over reminders are taken back', () => {
  const handedOver = [
    reminderKey('serverless', NOV_26, 1440),
    reminderKey('serverless', NOV_26, 10),
    reminderKey('serverless', DEC_03, 10),
  ];

  it('those of meetings that no longer go ahead, each meeting once', () => {
    expect(meetingsToWithdraw('serverless', handedOver, new Set([DEC_03]))).toEqual([NOV_26]);
  });

  it('all of them when nothing goes ahead (the group was removed)', () => {
    expect(meetingsToWithdraw('serverless', handedOver, new Set())).toEqual([NOV_26, DEC_03]);
  });

  it('none when every meeting goes ahead', () => {
    expect(meetingsToWithdraw('serverless', handedOver, new Set([NOV_26, DEC_03]))).toEqual([]);
  });
});

describe('whether a meeting goes ahead', () => {
  it('only when its group is configured and the meeting is scheduled', () => {
    expect(meetingGoesAhead({ groupConfigured: true, status: 'scheduled' })).toBe(true);
    expect(meetingGoesAhead({ groupConfigured: true, status: 'cancelled' })).toBe(false);
    expect(meetingGoesAhead({ groupConfigured: true, status: 'missing' })).toBe(false);
    expect(meetingGoesAhead({ groupConfigured: false, status: 'scheduled' })).toBe(false);
  });
});
