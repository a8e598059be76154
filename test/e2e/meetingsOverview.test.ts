import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, LEAD, MEMBER, startHarness } from '../support/gavelHarness.js';

/**
 * `/meetings` (issue 18, part 4): every group's next meeting, or the coming week's, in the
 * reader's zone, in any channel or DM, through the real app. Serverless meets Thursdays 09:00
 * Los Angeles; App Runtime Tuesdays 16:00 Berlin, with 1 December cancelled.
 */
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const unix = (iso: string) => Date.parse(iso) / 1000;
const TWO_GROUPS = `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [${LEAD}]
    meetings:
      - { title: Weekly call, day: thursday, time: "09:00", duration: 1h, join_url: "https://zoom.us/j/123456789" }
  cf-app-runtime:
    name: "CF App Runtime <Interfaces> WG"
    channel: "#cf-app-runtime"
    timezone: Europe/Berlin
    leads: [${LEAD}]
    meetings:
      - { title: Working session, day: tuesday, time: "16:00", duration: 1h }
    cancelled: [2026-12-01]
`;

describe.each(ENGINES)('/meetings on %s', (engine) => {
  let h: GavelHarness;
  afterEach(async () => {
    await h.stop();
  });

  const ask = async (text: string, channelId: string) => {
    const before = h.slack.responses.length;
    const res = await h.command('/meetings', text, { userId: MEMBER, channelId });
    expect(res.status).toBe(200);
    const answers = await h.slack.waitForResponses(before + 1, 5000);
    return answers[before]!;
  };

  it('lists the next meeting of every group, soonest first, in any channel, with Slack dates for the reader', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON, groupsYaml: TWO_GROUPS });
    const answer = await ask('', 'D0DIRECTMSG');
    expect(answer['response_type']).toBe('ephemeral');
    const text = String(answer['text']);
    const lines = text.split('\n');
    expect(lines[0]).toBe('*The next meeting of each working group* Times are in your zone (Europe/Berlin).');
    // Tue 24 Nov 16:00 Berlin (15:00 UTC) comes before Thu 26 Nov 09:00 Los Angeles (17:00 UTC).
    expect(lines[1]).toContain(
      `*CF App Runtime &lt;Interfaces&gt; WG* (#cf-app-runtime): Working session, <!date^${unix('2026-11-24T15:00:00Z')}^`,
    );
    expect(lines[2]).toContain(
      `*CNCF Serverless WG* (#serverless): Weekly call, <!date^${unix('2026-11-26T17:00:00Z')}^`,
    );
    expect(lines[2]).toContain('|Thu 26 Nov 2026, 09:00 PST (17:00 UTC)>');
    expect(lines[2]).toContain('<https://zoom.us/j/123456789|Join>');
  });

  it('lists every meeting of the coming week with `week`, a cancelled one struck through', async () => {
    h = await startHarness({ engine, now: '2026-11-26T18:00:00.000Z', groupsYaml: TWO_GROUPS });
    const text = String((await ask('week', 'C0RANDOM01'))['text']);
    const lines = text.split('\n').slice(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^• ~\*CF App Runtime .* WG\* \(#cf-app-runtime\): Working session, <!date\^.*>~ — cancelled$/,
    );
    expect(lines[1]).toContain(`Weekly call, <!date^${unix('2026-12-03T17:00:00Z')}^`);
  });

  it('explains a word it does not know', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON, groupsYaml: TWO_GROUPS });
    const res = await h.command('/meetings', 'tomorrow', { userId: MEMBER, channelId: 'C0RANDOM01' });
    const text = String((res.body as { text?: string }).text);
    expect(text).toContain('tomorrow');
    expect(text).toContain('`/meetings week`');
  });
});
