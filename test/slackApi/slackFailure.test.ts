import { ErrorCode } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { slackFailure, slackFailureFix, slackFailureText } from '../../src/slackApi/slackFailure.js';

const URL = 'https://slack.com/api/';
/** What WebClient throws when fetch itself fails: a TypeError whose cause carries the code. */
const requestError = (cause: unknown) => ({
  code: ErrorCode.RequestError,
  original: Object.assign(new TypeError('fetch failed'), { cause }),
});

describe('telling a Slack that said no from one that did not answer', () => {
  it('names the token only when Slack refused it', () => {
    const refused = slackFailure({
      code: ErrorCode.PlatformError,
      data: { ok: false, error: 'invalid_auth' },
    });
    expect(refused).toEqual({ kind: 'refused', error: 'invalid_auth' });
    expect(slackFailureText(refused!, URL)).toBe('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
    expect(slackFailureFix(refused!).variable).toBe('SLACK_BOT_TOKEN');
  });

  it('says the address could not be reached for network failures, with the reason', () => {
    const cases: [unknown, string][] = [
      [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'connection refused'],
      [
        Object.assign(new Error('getaddrinfo ENOTFOUND slack.com'), { code: 'ENOTFOUND' }),
        'host not found (DNS)',
      ],
      [Object.assign(new Error('x'), { code: 'UND_ERR_CONNECT_TIMEOUT' }), 'connection timed out'],
      [
        Object.assign(new Error('self-signed certificate'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }),
        'SELF_SIGNED_CERT_IN_CHAIN',
      ],
    ];
    for (const [cause, reason] of cases) {
      const failure = slackFailure(requestError(cause));
      expect(failure).toEqual({ kind: 'unreachable', reason });
      expect(slackFailureText(failure!, URL)).toBe(`Slack could not be reached at ${URL} (${reason})`);
      expect(slackFailureFix(failure!).variable).toBe('SLACK_API_URL');
    }
    const timeout = { code: ErrorCode.RequestError, original: new DOMException('timed out', 'TimeoutError') };
    expect(slackFailure(timeout)).toEqual({ kind: 'unreachable', reason: 'no answer within the timeout' });
  });

  it('keeps HTTP errors apart, and is undefined for anything not from the Web API', () => {
    const http = slackFailure({ code: ErrorCode.HTTPError, statusCode: 503 });
    expect(slackFailureText(http!, URL)).toBe(`Slack answered HTTP 503 at ${URL}`);
    expect(slackFailure(new Error('ENOTDIR'))).toBeUndefined();
    expect(slackFailure('text')).toBeUndefined();
  });
});
