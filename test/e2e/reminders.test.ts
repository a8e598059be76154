import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import {
  type GavelHarness,
  LEAD,
  MEMBER,
  SERVERLESS_CHANNEL,
  SERVERLESS_YAML,
  startHarness,
} from '../support/gavelHarness.js';
import { day, gid } from '../support/ids.js';

// Thursday 26 Nov 2026, 09:00 America/Los_Angeles (PST) = 17:00 UTC.
const MEETING = '2026-11-26T17:00:00.000Z';
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const minutesBefore = (iso: string, m: number) => new Date(new Date(iso).getTime() - m * 60_000);

describe.each(ENGINES)('meeting reminders on %s', (engine) => {
  let h: GavelHarness;
  afterEach(async () => {
    await h.stop();
  });

  const reminders = () => h.slack.messages().filter((m) => String(m['text']).startsWith('Reminder:'));

  it('posts the 24-hour and the 10-minute reminder once each, at their time, in the group channel', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON });
    await h.gavel.tick();
    expect(reminders()).toHaveLength(0);

    h.clock.set(minutesBefore(MEETING, 24 * 60));
    await h.gavel.tick();
    await h.gavel.tick();
    expect(reminders()).toHaveLength(1);
    const [first] = reminders();
    expect(first?.['channel']).toBe(SERVERLESS_CHANNEL);
    expect(String(first?.['text'])).toContain('CNCF Serverless WG: Weekly call');
    expect(String(first?.['text'])).toContain('Thu 26 Nov 2026, 09:00 PST (17:00 UTC)');
    const blocks = JSON.stringify(first?.['blocks']);
    expect(blocks).toContain(`<!date^${new Date(MEETING).getTime() / 1000}^`);
    expect(blocks).toContain('No agenda items yet');
    expect(blocks).toContain('https://zoom.us/j/123456789');
    expect(blocks).toContain('reminder.add_agenda_item');

    h.clock.set(minutesBefore(MEETING, 10));
    await h.gavel.tick();
    expect(reminders()).toHaveLength(2);
    h.clock.set(minutesBefore(MEETING, 1));
    await h.gavel.tick();
    expect(reminders()).toHaveLength(2);
  });

  it('keeps 09:00 Pacific across the end of daylight saving time (16:00 then 17:00 UTC)', async () => {
    h = await startHarness({ engine, now: '2026-10-26T12:00:00.000Z' });
    const stored = await h.gavel.services.occurrences.between(
      gid('serverless'),
      new Date('2026-10-26T00:00:00Z'),
      new Date('2026-11-10T00:00:00Z'),
    );
    expect(stored.map((o) => o.startsAt)).toEqual(['2026-10-29T16:00:00.000Z', '2026-11-05T17:00:00.000Z']);
  });

  it('after downtime posts a late reminder whose meeting has not started, but never one into the past', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON });
    // Down from Monday until 20 minutes after the meeting began: both reminders are stale.
    h.clock.set(new Date(new Date(MEETING).getTime() + 20 * 60_000));
    await h.gavel.tick();
    expect(reminders()).toHaveLength(0);
    const jobs = await h.db.opened.db
      .selectFrom('jobs')
      .selectAll()
      .where('key', 'like', `reminder:serverless:${MEETING}:%`)
      .execute();
    expect(jobs.map((j) => j.status)).toEqual(['done', 'done']);
  });

  it('after downtime posts only the closest due reminder of a meeting, late', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON });
    h.clock.set(minutesBefore(MEETING, 5));
    await h.gavel.tick();
    expect(reminders()).toHaveLength(1);
  });

  it('posts one reminder per meeting when two app processes share one database', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON });
    const second = await startHarness({
      engine,
      now: MONDAY_NOON,
      sharedDatabase: h.db,
      sharedSlack: h.slack,
    });
    try {
      for (const at of [minutesBefore(MEETING, 24 * 60), minutesBefore(MEETING, 10)]) {
        h.clock.set(at);
        second.clock.set(at);
        await Promise.all([h.gavel.tick(), second.gavel.tick(), h.gavel.tick(), second.gavel.tick()]);
      }
      expect(reminders()).toHaveLength(2);
    } finally {
      await second.stop();
    }
  });

  it('waits out a 429 from Slack and still delivers the reminder exactly once', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON });
    h.slack.rateLimit('chat.postMessage', 1, 1);
    h.clock.set(minutesBefore(MEETING, 10));
    await h.gavel.tick();
    expect(reminders()).toHaveLength(1);
  });

  it('posts to 100 channels whose meetings start in the same minute, each once, through 429s', async () => {
    const channels = Array.from({ length: 100 }, (_, i) => ({
      id: `C0FAN${String(i).padStart(3, '0')}`,
      name: `wg-${i}`,
    }));
    const groupsYaml = [
      'groups:',
      ...channels.flatMap((c, i) => [
        `  wg-${i}:`,
        `    name: WG ${i}`,
        `    channel: ${c.id}`,
        '    timezone: America/Los_Angeles',
        `    leads: [${LEAD}]`,
        '    meetings: [{ title: Weekly call, day: thursday, time: "09:00", duration: 1h }]',
        '    reminders: [10m]',
      ]),
    ].join('\n');
    h = await startHarness({ engine, now: MONDAY_NOON, groupsYaml, channels });
    // Slack pushes back three times on the way; the WebClient waits and the queue loses nothing.
    h.slack.rateLimit('chat.postMessage', 3, 0);
    h.clock.set(minutesBefore(MEETING, 10));
    await h.gavel.tick();
    const posted = reminders().map((m) => m['channel']);
    expect(new Set(posted).size).toBe(100);
    expect(posted).toHaveLength(100);
    expect(h.slack.calls.filter((c) => c.status === 429)).toHaveLength(3);
  });

  describe('handed to Slack ahead of time, so a crash never posts one twice', () => {
    const KEY = `reminder:serverless:${MEETING}:10m`;
    const DUE = minutesBefore(MEETING, 10);
    const job = () =>
      h.db.opened.db.selectFrom('jobs').selectAll().where('key', '=', KEY).executeTakeFirstOrThrow();
    const delivery = () =>
      h.db.opened.db
        .selectFrom('reminder_deliveries')
        .selectAll()
        .where('job_key', '=', KEY)
        .executeTakeFirstOrThrow();
    /** As if the worker had died holding the job: it is claimable again once its lease is over. */
    const crashedWhileRunning = async () => {
      await h.db.opened.db
        .updateTable('jobs')
        .set({ status: 'running', lease_owner: 'worker-dead', lease_until: h.clock.now().toISOString() })
        .where('key', '=', KEY)
        .execute();
      h.clock.set(new Date(h.clock.now().getTime() + 1000));
    };

    it('schedules it two minutes before its minute; Slack posts it on the minute, and the app posts nothing itself', async () => {
      h = await startHarness({ engine, now: MONDAY_NOON });
      h.clock.set(minutesBefore(MEETING, 12));
      await h.gavel.tick();
      expect(reminders()).toHaveLength(0);
      expect(h.slack.scheduled().map((m) => m.postAt)).toEqual([DUE.getTime() / 1000]);
      expect((await delivery()).state).toBe('scheduled');

      h.clock.set(DUE);
      expect(reminders()).toHaveLength(1);
      expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
      await h.gavel.tick();
      expect(reminders()).toHaveLength(1);
    });

    it('a crash after Slack took it, before the app wrote that down: the next worker finds it pending and does not schedule it again', async () => {
      h = await startHarness({ engine, now: MONDAY_NOON });
      h.clock.set(minutesBefore(MEETING, 12));
      await h.gavel.tick();
      const [pending] = h.slack.scheduled();
      // Put back what the database held at the moment of the crash.
      await h.db.opened.db
        .updateTable('reminder_deliveries')
        .set({ state: 'scheduling', channel_id: SERVERLESS_CHANNEL, text: String(pending?.args['text']) })
        .where('job_key', '=', KEY)
        .execute();
      await crashedWhileRunning();

      expect(await h.gavel.tick()).toBeGreaterThan(0);
      expect(h.slack.callsTo('chat.scheduleMessage')).toHaveLength(1);
      expect(h.slack.callsTo('chat.scheduledMessages.list')).toHaveLength(1);
      expect(await delivery()).toMatchObject({ state: 'scheduled', scheduled_message_id: pending?.id });
      expect((await job()).status).toBe('done');
      h.clock.set(DUE);
      expect(reminders()).toHaveLength(1);
    });

    it('a crash before Slack took it: the next worker finds nothing pending and schedules it once', async () => {
      h = await startHarness({ engine, now: minutesBefore(MEETING, 12) });
      await h.gavel.services.reminderDeliveries.record(
        KEY,
        { state: 'scheduling', postAt: DUE, channelId: SERVERLESS_CHANNEL, text: 'whatever was sent' },
        h.clock.now(),
      );
      await crashedWhileRunning();

      await h.gavel.tick();
      expect(h.slack.callsTo('chat.scheduleMessage')).toHaveLength(1);
      h.clock.set(DUE);
      expect(reminders()).toHaveLength(1);
    });

    it('a crash in the middle of posting a late reminder: it is not posted again, and the operator is told', async () => {
      const lines: string[] = [];
      const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
      h = await startHarness({ engine, now: minutesBefore(MEETING, 5), log });
      await h.gavel.services.reminderDeliveries.record(KEY, { state: 'posting' }, h.clock.now());
      await crashedWhileRunning();

      await h.gavel.tick();
      expect(reminders()).toHaveLength(0);
      expect((await job()).status).toBe('done');
      const told = lines.map((l) => JSON.parse(l) as { level: number; msg: string; job?: string });
      const error = told.find((l) => l.level === 50 && l.job === KEY);
      expect(error?.msg).toContain('may have posted it');
    });

    it('Slack refusing to schedule it: the refusal is forgotten and the retry hands it over once', async () => {
      // Client retries after milliseconds, not seconds: 4 tries of one attempt all fail.
      h = await startHarness({ engine, now: MONDAY_NOON, apiTimeoutMs: 300, retryBaseMs: 10 });
      h.slack.fail('chat.scheduleMessage', 500, 4);
      h.clock.set(minutesBefore(MEETING, 12));
      await h.gavel.tick();
      expect((await job()).status).toBe('pending');
      expect(await h.gavel.services.reminderDeliveries.progress(KEY)).toEqual({ state: 'none' });

      h.clock.set(new Date(h.clock.now().getTime() + 30_000));
      await h.gavel.tick();
      expect(h.slack.scheduled()).toHaveLength(1);
      h.clock.set(DUE);
      expect(reminders()).toHaveLength(1);
    });
  });

  describe('/meeting', () => {
    it('refuses cancellation from a member who is not a lead', async () => {
      h = await startHarness({ engine, now: MONDAY_NOON });
      const res = await h.command('/meeting', 'cancel 2026-11-26', { userId: MEMBER });
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).toContain('Only the group');
      h.clock.set(minutesBefore(MEETING, 10));
      await h.gavel.tick();
      expect(reminders()).toHaveLength(1);
    });

    it('cancels a meeting for a lead: notice in the channel, no reminders; restore brings them back', async () => {
      h = await startHarness({ engine, now: MONDAY_NOON });
      const cancelled = await h.command('/meeting', 'cancel 2026-11-26', { userId: LEAD });
      expect(cancelled.body).toMatchObject({ response_type: 'in_channel' });
      expect(JSON.stringify(cancelled.body)).toContain('is cancelled');
      h.clock.set(minutesBefore(MEETING, 24 * 60));
      await h.gavel.tick();
      expect(reminders()).toHaveLength(0);

      const restored = await h.command('/meeting', 'restore 2026-11-26', { userId: LEAD });
      expect(JSON.stringify(restored.body)).toContain('is back on');
      h.clock.set(minutesBefore(MEETING, 10));
      await h.gavel.tick();
      expect(reminders()).toHaveLength(1);
    });

    it('refuses to restore a date the groups file names under cancelled:, and says the file decides', async () => {
      const groupsYaml = SERVERLESS_YAML.replace(
        '    reminders: [24h, 10m]',
        '    cancelled: [2026-11-26]\n    reminders: [24h, 10m]',
      );
      h = await startHarness({ engine, now: MONDAY_NOON, groupsYaml });
      const restored = await h.command('/meeting', 'restore 2026-11-26', { userId: LEAD });
      expect(restored.body).toMatchObject({ response_type: 'ephemeral' });
      expect(JSON.stringify(restored.body)).toContain(
        '2026-11-26 is cancelled by name in the groups file; a lead removes it from `cancelled:` there.',
      );
      expect(JSON.stringify(restored.body)).not.toContain('back on');
      const again = await h.command('/meeting', 'restore 2026-11-26', { userId: LEAD });
      expect(JSON.stringify(again.body)).toContain('cancelled by name in the groups file');
      const cancel = await h.command('/meeting', 'cancel 2026-11-26', { userId: LEAD });
      expect(JSON.stringify(cancel.body)).toContain(
        'The meeting of 2026-11-26 is already cancelled in the groups file.',
      );
      expect(JSON.stringify(cancel.body)).not.toContain('/meeting restore');
      const [stored] = await h.gavel.services.occurrences.onDate(gid('serverless'), day('2026-11-26'));
      expect(stored).toMatchObject({ status: 'cancelled', cancelledBy: 'config' });
      h.clock.set(minutesBefore(MEETING, 10));
      await h.gavel.tick();
      expect(reminders()).toHaveLength(0);
      // Only the notice of the file's cancellation (due 3 days ahead, so at once here).
      expect(h.slack.messages().map((m) => m['text'])).toEqual([
        ':no_entry_sign: No CNCF Serverless WG meeting on Thu 26 Nov.',
      ]);
    });

    it('takes back a reminder Slack already holds when the meeting is cancelled in its last two minutes; restore hands it over again', async () => {
      h = await startHarness({ engine, now: MONDAY_NOON });
      h.clock.set(minutesBefore(MEETING, 12));
      await h.gavel.tick();
      expect(h.slack.scheduled()).toHaveLength(1);

      h.clock.set(minutesBefore(MEETING, 11));
      await h.command('/meeting', 'cancel 2026-11-26', { userId: LEAD });
      await h.gavel.tick();
      expect(h.slack.scheduled()).toHaveLength(0);
      h.clock.set(minutesBefore(MEETING, 10));
      expect(reminders()).toHaveLength(0);

      await h.command('/meeting', 'restore 2026-11-26', { userId: LEAD });
      await h.gavel.tick();
      // Too close to its minute to schedule safely: posted at once.
      expect(reminders()).toHaveLength(1);
    });

    it('explains dates without a meeting, in the past, and malformed', async () => {
      h = await startHarness({ engine, now: MONDAY_NOON });
      const noMeeting = await h.command('/meeting', 'cancel 2026-11-27', { userId: LEAD });
      expect(JSON.stringify(noMeeting.body)).toContain('No upcoming meeting on 2026-11-27');
      expect(JSON.stringify(noMeeting.body)).toContain('2026-11-26');
      const past = await h.command('/meeting', 'cancel 2026-11-19', { userId: LEAD });
      expect(JSON.stringify(past.body)).toContain(
        '2026-11-19 is in the past: only upcoming meetings can be cancelled or restored.',
      );
      // A cancelled meeting is not offered as an upcoming one.
      await h.command('/meeting', 'cancel 2026-11-26', { userId: LEAD });
      const afterCancel = await h.command('/meeting', 'cancel 2026-11-27', { userId: LEAD });
      expect(JSON.stringify(afterCancel.body)).toContain('Upcoming meetings: 2026-12-03');
      expect(JSON.stringify(afterCancel.body)).not.toContain('2026-11-26');
      const malformed = await h.command('/meeting', 'cancel next week', { userId: LEAD });
      expect(JSON.stringify(malformed.body)).toContain('YYYY-MM-DD');
      const pastAdd = await h.command('/meeting', 'add 2026-11-20 10:00', { userId: LEAD });
      expect(JSON.stringify(pastAdd.body)).toContain('in the past');
    });

    it('adds a one-off meeting that gets its own reminders', async () => {
      h = await startHarness({ engine, now: MONDAY_NOON });
      const added = await h.command('/meeting', 'add 2026-11-24 08:30 Spec sprint', { userId: LEAD });
      expect(JSON.stringify(added.body)).toContain('Spec sprint');
      // 08:30 PST = 16:30 UTC; the 10-minute reminder is due at 16:20.
      h.clock.set('2026-11-24T16:20:00.000Z');
      await h.gavel.tick();
      expect(reminders().map((m) => String(m['text']))).toEqual([expect.stringContaining('Spec sprint')]);
    });

    it('answers /meeting next in the asker’s zone and the group’s', async () => {
      h = await startHarness({ engine, now: MONDAY_NOON });
      const res = await h.command('/meeting', 'next', { userId: MEMBER });
      expect(res.status).toBe(200);
      const [answer] = await h.slack.waitForResponses(1, 5000);
      const text = JSON.stringify(answer);
      expect(text).toContain('Thu 26 Nov 2026, 09:00 PST');
      expect(text).toContain('Europe/Berlin');
      // Intl abbreviates Berlin's zone as CET or GMT+1 depending on its locale data.
      expect(text).toMatch(/Thu 26 Nov 2026, 18:00 (CET|GMT\+1) \(17:00 UTC\)/);
    });
  });
});
