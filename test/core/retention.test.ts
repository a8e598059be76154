import { describe, expect, it } from 'vitest';
import { RETENTION_DAYS, retentionCutoff, retentionJobSpec } from '../../src/core/jobs/retention.js';

const DAY_MS = 24 * 60 * 60_000;
const now = new Date('2027-03-01T10:30:00.000Z');
const daysBefore = (days: number) => new Date(now.getTime() - days * DAY_MS);

describe('the retention cut-off', () => {
  it('keeps rows changed in the last RETENTION_DAYS (60 days)', () => {
    expect(RETENTION_DAYS).toBe(60);
    expect(retentionCutoff(now, 42 * DAY_MS)).toEqual(daysBefore(60));
  });

  it('never comes closer than a day beyond how far back a key can be enqueued again', () => {
    // A planning horizon longer than the retention period wins, with a day to spare.
    expect(retentionCutoff(now, 90 * DAY_MS)).toEqual(daysBefore(91));
    expect(retentionCutoff(now, 59 * DAY_MS)).toEqual(daysBefore(60));
  });
});

describe('the retention job', () => {
  it('runs once an hour: planning twice in the same hour gives the same key', () => {
    const spec = retentionJobSpec(now);
    expect(spec).toEqual({ key: 'retention:2027-03-01T10', kind: 'retention', payload: {}, runAt: now });
    expect(retentionJobSpec(new Date('2027-03-01T10:59:59.999Z')).key).toBe(spec.key);
    expect(retentionJobSpec(new Date('2027-03-01T11:00:00.000Z')).key).toBe('retention:2027-03-01T11');
  });
});
