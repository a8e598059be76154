import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';

const base = { GOOGLE_CREDENTIALS_JSON: '{"type":"service_account"}' };

describe('GOOGLE_CALENDAR_ID', () => {
  it('is read with the Google settings', () => {
    const r = loadConfig({ ...base, GOOGLE_CALENDAR_ID: 'abc123@group.calendar.google.com' });
    expect(r.ok && r.config.google?.calendarId).toBe('abc123@group.calendar.google.com');
    const none = loadConfig(base);
    expect(none.ok && none.config.google?.calendarId).toBeUndefined();
  });

  it('says what a calendar id looks like, and that it needs Google credentials', () => {
    const bad = loadConfig({ ...base, GOOGLE_CALENDAR_ID: 'https://calendar.google.com/x' });
    expect(!bad.ok && bad.problems.join('\n')).toMatch(/^GOOGLE_CALENDAR_ID: expected a calendar id such as/);
    const alone = loadConfig({ GOOGLE_CALENDAR_ID: 'abc123@group.calendar.google.com' });
    expect(!alone.ok && alone.problems.join('\n')).toContain(
      'GOOGLE_CALENDAR_ID: set, but Google is not configured',
    );
  });
});
