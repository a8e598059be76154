import { describe, expect, it } from 'vitest';
import { CANCELLED_BY_FILE, isCancelledInFile } from '../../src/core/meeting/cancellationAfterPlan.js';

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
