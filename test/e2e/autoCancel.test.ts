import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEP_MEETING_ACTION } from '../../src/core/meeting/autoCancel.js';
import type { SlackArgs } from '../../src/standins/slackApiServer.js';
import { ENGINES } from '../support/databases.js';
import {
  type GavelHarness,
  LEAD,
  MEMBER,
  SERVERLESS_CHANNEL,
  SERVERLESS_YAML,
  startHarness,
} from '../support/gavelHarness.js';
import { gid } from '../support/ids.js';
import { expandedStarts } from '../support/icalFeed.js';

// Thursday 26 Nov 2026, 09:00 America/Los_Angeles (PST) = 17:00 UTC.
const MEETING = '2026-11-26T17:00:00.000Z';
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const minutesBefore = (iso: string, m: number) => new Date(new Date(iso).getTime() - m * 60_000);
/** 24 hours before, less the three minutes by which it runs ahead of that lead's reminder. */
const AUTO_CANCEL_AT = minutesBefore(MEETING, 24 * 60 + 3);
const NOTICE = 'No agenda for the Weekly call of Thu 26 Nov, so it is cancelled. A lead can keep it.';

const GROUPS = SERVERLESS_YAML.replace(
  '    reminders: [24h, 10m]',
  '    reminders: [24h, 10m]\n    cancel_if_no_agenda: 24h',
);

/** `cancel_if_no_agenda` (issue 17, part 3), through the real app. */
describe.each(ENGINES)('cancel when there is nothing to discuss, on %s', (engine) => {
  let h: GavelHarness;
  let presses = 0;
  afterEach(async () => {
    await h.stop();
  });

  const start = async () => {
    h = await startHarness({ engine, now: MONDAY_NOON, groupsYaml: GROUPS });
    await h.gavel.tick();
  };
  const notices = () => h.slack.messages().filter((m) => String(m['text']).startsWith('No agenda for'));
  const reminders = () => h.slack.messages().filter((m) => String(m['text']).startsWith('Reminder:'));
  const meeting = async () => h.gavel.services.occurrences.find(gid('serverless'), MEETING);
  /** The meeting's start in the group's calendar feed, as a calendar app expands it. */
  const inFeed = async () => {
    const feed = await (await fetch(`${h.url}/calendar/serverless.ics`)).text();
    return expandedStarts(feed, new Date(MONDAY_NOON), new Date('2027-01-01T00:00:00.000Z')).includes(
      MEETING,
    );
  };
  const replanTwice = async () => {
    await h.gavel.services.replan('serverless');
    await h.gavel.services.replan('serverless');
  };
  const buttonOf = (post: SlackArgs) => {
    const blocks = post['blocks'] as { elements?: { action_id?: string; value?: string }[] }[];
    return blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === KEEP_MEETING_ACTION);
  };
  const autoCancel = async () => {
    h.clock.set(AUTO_CANCEL_AT);
    await h.gavel.tick();
    expect(notices()).toHaveLength(1);
    return notices()[0]!;
  };
  const pressKeep = async (userId: string, post: SlackArgs) => {
    presses += 1;
    const ts = String(post['ts']);
    const res = await h.interact({
      type: 'block_actions',
      team: { id: 'T0GAVEL', domain: 'gavel' },
      user: { id: userId, username: userId, team_id: 'T0GAVEL' },
      api_app_id: 'A0GAVEL',
      token: 'legacy-token',
      trigger_id: `trigger-keep-${presses}`,
      response_url: h.slack.responseUrl(`keep-${presses}`),
      container: { type: 'message', message_ts: ts, channel_id: SERVERLESS_CHANNEL, is_ephemeral: false },
      channel: { id: SERVERLESS_CHANNEL, name: 'serverless' },
      message: { type: 'message', ts, text: String(post['text']) },
      actions: [
        {
          type: 'button',
          action_id: KEEP_MEETING_ACTION,
          block_id: 'b1',
          value: buttonOf(post)?.value ?? '',
          action_ts: `${ts.split('.')[0]}.999999`,
        },
      ],
    });
    expect(res.status).toBe(200);
  };

  it('cancels a meeting whose agenda is empty 24 hours ahead, once, and tells the channel with a Keep button', async () => {
    await start();
    h.clock.set(minutesBefore(MEETING, 24 * 60 + 4));
    await h.gavel.tick();
    expect(notices()).toHaveLength(0);
    expect(await meeting()).toMatchObject({ status: 'scheduled' });

    const notice = await autoCancel();
    expect(notice).toMatchObject({ channel: SERVERLESS_CHANNEL, text: NOTICE });
    expect(buttonOf(notice)).toMatchObject({ value: `serverless|${MEETING}` });
    expect(await meeting()).toMatchObject({ status: 'cancelled', cancelledBy: 'gavel:no-agenda' });
    expect(await inFeed()).toBe(false);
    // Nothing a user typed is in it, and nobody is pinged.
    expect(JSON.stringify(notice)).not.toMatch(/<[@!]/);

    await h.gavel.tick();
    await h.gavel.tick();
    await replanTwice();
    await h.gavel.tick();
    expect(notices()).toHaveLength(1);
    // Its reminders are withdrawn, as with /meeting cancel.
    h.clock.set(minutesBefore(MEETING, 24 * 60));
    await h.gavel.tick();
    h.clock.set(minutesBefore(MEETING, 10));
    await h.gavel.tick();
    expect(reminders()).toHaveLength(0);
    expect(h.slack.scheduled()).toHaveLength(0);
    expect(notices()).toHaveLength(1);
  });

  it('does not cancel a meeting with an item on its agenda', async () => {
    await start();
    const added = await h.command('/agenda', 'add Discuss CloudEvents 2.0', { userId: MEMBER });
    expect(JSON.stringify(added.body)).toContain('Discuss CloudEvents 2.0');
    h.clock.set(AUTO_CANCEL_AT);
    await h.gavel.tick();
    await replanTwice();
    await h.gavel.tick();
    expect(notices()).toHaveLength(0);
    expect(await meeting()).toMatchObject({ status: 'scheduled', cancelledBy: null });
    h.clock.set(minutesBefore(MEETING, 24 * 60 + 2));
    await h.gavel.tick();
    h.clock.set(minutesBefore(MEETING, 24 * 60));
    expect(reminders()).toHaveLength(1);
    h.clock.set(minutesBefore(MEETING, 10));
    await h.gavel.tick();
    expect(reminders()).toHaveLength(2);
  });

  it('Keep by a lead restores the meeting, reminders and all, and redraws the notice in place', async () => {
    await start();
    const notice = await autoCancel();
    await pressKeep(LEAD, notice);
    await vi.waitFor(() => expect(String(notices()[0]?.['text'])).toContain('Kept by'));
    const kept = notices()[0]!;
    expect(kept['ts']).toBe(notice['ts']);
    expect(kept['text']).toBe(
      `No agenda for the Weekly call of Thu 26 Nov, but it goes ahead. Kept by <@${LEAD}>.`,
    );
    expect(buttonOf(kept)).toBeUndefined();
    expect(await meeting()).toMatchObject({ status: 'scheduled', cancelledBy: null });
    expect(await inFeed()).toBe(true);
    expect(
      h.slack.callsTo('chat.postMessage').filter((c) => c['channel'] === SERVERLESS_CHANNEL),
    ).toHaveLength(1);

    h.clock.set(minutesBefore(MEETING, 10));
    await h.gavel.tick();
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!['text']).toContain('Weekly call');
  });

  it('Keep by a member is refused, ephemerally, and changes nothing', async () => {
    await start();
    const notice = await autoCancel();
    const before = h.slack.responses.length;
    await pressKeep(MEMBER, notice);
    const answers = await h.slack.waitForResponses(before + 1, 5000);
    expect(answers[before]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(answers[before]!['text'])).toContain("Only the group's leads can keep meetings");
    expect(notices()[0]).toMatchObject({ text: NOTICE });
    expect(buttonOf(notices()[0]!)).toBeDefined();
    expect(h.slack.callsTo('chat.update')).toHaveLength(0);
    expect(await meeting()).toMatchObject({ status: 'cancelled', cancelledBy: 'gavel:no-agenda' });
    h.clock.set(minutesBefore(MEETING, 10));
    await h.gavel.tick();
    expect(reminders()).toHaveLength(0);
  });

  it('a meeting a lead kept is not cancelled again by a re-plan', async () => {
    await start();
    await pressKeep(LEAD, await autoCancel());
    await vi.waitFor(async () => expect(await meeting()).toMatchObject({ status: 'scheduled' }));
    await replanTwice();
    await h.gavel.tick();
    await h.gavel.replanAll();
    h.clock.set(minutesBefore(MEETING, 60));
    await h.gavel.tick();
    await replanTwice();
    await h.gavel.tick();
    expect(await meeting()).toMatchObject({ status: 'scheduled', cancelledBy: null });
    expect(notices()).toHaveLength(1);
    expect(String(notices()[0]!['text'])).toContain('Kept by');
  });
});
