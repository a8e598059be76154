import { isValidSlackRequest } from '@slack/bolt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signedBySlack } from '../../src/slack/commands/slackSignature.js';
import { slackSignature } from '../../src/standins/slackRequests.js';

const SECRET = 'signing-secret-for-tests';
const NOW_MS = Date.UTC(2026, 10, 23, 17, 0, 0);
const nowSec = Math.floor(NOW_MS / 1000);

describe("checking Slack's request signature", () => {
  const body = 'command=%2Fagenda&text=add+Roadmap';
  const signed = (timestamp: number, signature = slackSignature(SECRET, timestamp, body)) => ({
    rawBody: body,
    signature,
    timestamp: String(timestamp),
  });

  it('accepts the exact signature of a fresh request', () => {
    expect(signedBySlack(signed(nowSec), SECRET, NOW_MS)).toBe(true);
  });

  it('refuses another secret, a changed body, a mangled or missing signature', () => {
    expect(signedBySlack(signed(nowSec), 'other-secret', NOW_MS)).toBe(false);
    expect(signedBySlack({ ...signed(nowSec), rawBody: `${body}+` }, SECRET, NOW_MS)).toBe(false);
    const right = slackSignature(SECRET, nowSec, body);
    expect(signedBySlack(signed(nowSec, `${right.slice(0, -1)}0`), SECRET, NOW_MS)).toBe(right.endsWith('0'));
    expect(signedBySlack(signed(nowSec, right.slice(0, -2)), SECRET, NOW_MS)).toBe(false);
    expect(signedBySlack(signed(nowSec, right.replace('v0=', 'v1=')), SECRET, NOW_MS)).toBe(false);
    expect(
      signedBySlack({ rawBody: body, signature: undefined, timestamp: String(nowSec) }, SECRET, NOW_MS),
    ).toBe(false);
  });

  it('refuses a request signed more than five minutes ago, or with a timestamp that is not a number', () => {
    expect(signedBySlack(signed(nowSec - 300), SECRET, NOW_MS)).toBe(true);
    expect(signedBySlack(signed(nowSec - 301), SECRET, NOW_MS)).toBe(false);
    expect(signedBySlack({ ...signed(nowSec), timestamp: `${nowSec}.5` }, SECRET, NOW_MS)).toBe(false);
    expect(signedBySlack({ ...signed(nowSec), timestamp: undefined }, SECRET, NOW_MS)).toBe(false);
  });

  it("decides as Bolt's verifier does, for any body, age and tampering", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.integer({ min: -400, max: 400 }),
        fc.constantFrom('right', 'other-secret', 'flip', 'truncate', 'empty'),
        (rawBody, age, tamper) => {
          const timestamp = nowSec - age;
          const right = slackSignature(SECRET, timestamp, rawBody);
          const signature = {
            right,
            'other-secret': slackSignature('another', timestamp, rawBody),
            flip: `${right.slice(0, -1)}${right.endsWith('a') ? 'b' : 'a'}`,
            truncate: right.slice(0, 20),
            empty: '',
          }[tamper];
          const bolt = isValidSlackRequest({
            signingSecret: SECRET,
            body: rawBody,
            headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
            nowMilliseconds: NOW_MS,
          });
          expect(signedBySlack({ rawBody, signature, timestamp: String(timestamp) }, SECRET, NOW_MS)).toBe(
            bolt,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
