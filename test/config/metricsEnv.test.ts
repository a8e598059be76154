import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 's3cret-value' };
const TOKEN = 'a-metrics-token-of-32-characters';
const metricsOf = (env: Record<string, string>) => {
  const r = loadConfig({ ...SLACK, ...env });
  return r.ok ? { metrics: r.config.metrics } : { problems: r.problems };
};

describe('METRICS and METRICS_TOKEN', () => {
  it('leaves /metrics off unless METRICS=on (in any case)', () => {
    expect(metricsOf({})).toEqual({ metrics: undefined });
    expect(metricsOf({ METRICS: '' })).toEqual({ metrics: undefined });
    expect(metricsOf({ METRICS: 'off' })).toEqual({ metrics: undefined });
    expect(metricsOf({ METRICS: 'on' })).toEqual({ metrics: { token: undefined } });
    expect(metricsOf({ METRICS: ' ON ', METRICS_TOKEN: TOKEN })).toEqual({ metrics: { token: TOKEN } });
  });

  it('names the variable and what would work, never the value', () => {
    expect(metricsOf({ METRICS: 'yes' })).toEqual({ problems: ['METRICS: expected on or off'] });
    const short = metricsOf({ METRICS: 'on', METRICS_TOKEN: 'hunter2' });
    expect(short).toEqual({
      problems: ['METRICS_TOKEN: expected at least 16 characters (e.g. openssl rand -hex 32)'],
    });
    expect(JSON.stringify(short)).not.toContain('hunter2');
    expect(metricsOf({ METRICS_TOKEN: TOKEN })).toEqual({
      problems: ['METRICS_TOKEN: set, but METRICS is not on: set METRICS=on to serve GET /metrics'],
    });
  });
});
