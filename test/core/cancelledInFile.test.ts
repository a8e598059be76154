import { describe, expect, it } from 'vitest';
import { withRestoredMeetings } from '../../src/core/calendar/restoredMeetings.js';
import type { LocalDate } from '../../src/core/ids.js';
import {
  CANCELLED_BY_FILE,
  cancellationAfterPlan,
  fileCancellation,
  isCancelledInFile,
  RESTORED_OVER_FILE,
} from '../../src/core/meeting/cancellationAfterPlan.js';

const START = '2026-12-24T17:00:00.000Z';
const planned = (cancelled: boolean) => [{ startsAt: new Date(START), cancelled }];
const stored = (cancelledBy: string | null, source: 'rule' | 'extra' | 'added' = 'rule') => ({
  startsAt: START,
  source,
  cancelledBy,
});

describe('isCancelledInFile', () => {
  it('is the file’s when the file cancelled it, or lists its date under cancelled:', () => {
    expect(isCancelledInFile(stored(CANCELLED_BY_FILE), [])).toBe(true);
    // Cancelled in Slack first, then in the file: restoring in Slack would not hold.
    expect(isCancelledInFile(stored('U0LEAD001'), planned(true))).toBe(true);
  });

  it('is Slack’s when only a lead cancelled it, or for a meeting added in Slack', () => {
    expect(isCancelledInFile(stored('U0LEAD001'), planned(false))).toBe(false);
    expect(isCancelledInFile(stored(null), planned(false))).toBe(false);
    expect(isCancelledInFile(stored('U0LEAD001', 'added'), planned(true))).toBe(false);
  });
});

describe('a meeting a rule of the file cancels (a break, a public holiday)', () => {
  const byRule = [{ startsAt: new Date(START), cancelled: true, cancelledByRule: true as const }];

  it('is a lead’s to restore, where a date named under cancelled: is not', () => {
    expect(fileCancellation(stored(CANCELLED_BY_FILE), byRule)).toBe('rule');
    expect(isCancelledInFile(stored(CANCELLED_BY_FILE), byRule)).toBe(false);
    expect(fileCancellation(stored(CANCELLED_BY_FILE), planned(true))).toBe('named');
  });

  it('stays restored through every plan while the rule holds, and is the file’s again once the file names the date', () => {
    const restored = { status: 'scheduled' as const, cancelledBy: RESTORED_OVER_FILE };
    expect(cancellationAfterPlan(restored, 'rule')).toEqual(restored);
    expect(cancellationAfterPlan(restored, 'named')).toEqual({
      status: 'cancelled',
      cancelledBy: CANCELLED_BY_FILE,
    });
    // The rule gone (the holiday region removed): an ordinary meeting, no mark left.
    expect(cancellationAfterPlan(restored, undefined)).toEqual({ status: 'scheduled', cancelledBy: null });
    // Not restored: the rule cancels it as the file does.
    expect(cancellationAfterPlan({ status: 'scheduled', cancelledBy: null }, 'rule')).toEqual({
      status: 'cancelled',
      cancelledBy: CANCELLED_BY_FILE,
    });
  });
});

describe('calendars of a group with a restored meeting', () => {
  it('no longer cancel the restored meeting’s date; others stay', () => {
    const group = { cancelled: ['2026-11-26', '2026-12-25'] as LocalDate[] };
    const stored = [
      { cancelledBy: RESTORED_OVER_FILE, localDate: '2026-11-26' as LocalDate },
      { cancelledBy: CANCELLED_BY_FILE, localDate: '2026-12-25' as LocalDate },
    ];
    expect(withRestoredMeetings(group, stored).cancelled).toEqual(['2026-12-25']);
    expect(withRestoredMeetings(group, [])).toBe(group);
  });
});
