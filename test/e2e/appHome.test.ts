import { afterEach, describe, expect, it } from 'vitest';
import { sendEvent } from '../../src/standins/slackRequests.js';
import { ENGINES } from '../support/databases.js';
import {
  type GavelHarness,
  MEMBER,
  OTHER_MEMBER,
  SIGNING_SECRET,
  startHarness,
} from '../support/gavelHarness.js';

const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
// Thursday 26 Nov 2026, 09:00 America/Los_Angeles.
const NEXT_MEETING_UNIX = new Date('2026-11-26T17:00:00.000Z').getTime() / 1000;

const homeOpened = (eventId: string, user: string, tab = 'home') => ({
  token: 'legacy-verification-token',
  team_id: 'T0GAVEL',
  api_app_id: 'A0GAVEL',
  type: 'event_callback',
  event_id: eventId,
  event_time: 1795600000,
  authorizations: [{ team_id: 'T0GAVEL', user_id: 'U0GAVELBOT', is_bot: true }],
  event: { type: 'app_home_opened', user, channel: 'D0HOME', tab, event_ts: '1795600000.000100' },
});

describe.each(ENGINES)('the Home tab on %s', (engine) => {
  let h: GavelHarness;
  afterEach(async () => {
    await h.stop();
  });

  const open = (eventId: string, user: string, opts: { retryNum?: number; tab?: string } = {}) =>
    sendEvent(h.url, SIGNING_SECRET, homeOpened(eventId, user, opts.tab), opts);
  const published = () => h.slack.callsTo('views.publish');

  it('shows the viewer their own open action items and the next meetings', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON });
    await h.command('/todo', `<@${MEMBER}|alice> Draft the <!channel> CloudEvents blog post by 2026-12-07`);
    await h.command('/todo', `<@${OTHER_MEMBER}|bob> Book the room`);

    expect((await open('Ev0001', MEMBER)).status).toBe(200);
    await expect.poll(() => published()).toHaveLength(1);
    const [home] = published();
    expect(home?.['user_id']).toBe(MEMBER);
    const view = JSON.stringify(home?.['view']);
    expect(view).toContain('Draft the &lt;!channel&gt; CloudEvents blog post');
    expect(view).not.toContain('<!channel>');
    expect(view).not.toContain('Book the room');
    expect(view).toContain('CNCF Serverless WG');
    expect(view).toContain(`<!date^${NEXT_MEETING_UNIX}^`);
  });

  it('publishes once per event however often Slack retries it, and ignores the Messages tab', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON });
    await open('Ev0002', MEMBER);
    await expect.poll(() => published()).toHaveLength(1);
    expect((await open('Ev0002', MEMBER, { retryNum: 1 })).status).toBe(200);
    expect((await open('Ev0002', MEMBER, { retryNum: 2 })).status).toBe(200);
    expect((await open('Ev0003', MEMBER, { tab: 'messages' })).status).toBe(200);
    await open('Ev0004', OTHER_MEMBER);
    await expect.poll(() => published()).toHaveLength(2);
    expect(published().map((p) => p['user_id'])).toEqual([MEMBER, OTHER_MEMBER]);
    expect(JSON.stringify(published()[1]?.['view'])).toContain('Nothing open');
  });
});
