import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, LEAD, startHarness } from '../support/gavelHarness.js';

// Thursday 26 Nov 2026, 09:00 America/Los_Angeles (PST) = 17:00 UTC.
const MEETING = '2026-11-26T17:00:00.000Z';
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const DAY_MS = 24 * 60 * 60_000;
const minutesBefore = (iso: string, m: number) => new Date(new Date(iso).getTime() - m * 60_000);

describe.each(ENGINES)('retention of finished jobs and reminder deliveries on %s', (engine) => {
  let h: GavelHarness;
  afterEach(async () => {
    await h.stop();
  });

  const reminders = () => h.slack.messages().filter((m) => String(m['text']).startsWith('Reminder:'));
  const jobKeys = async (prefix: string) =>
    (await h.db.opened.db.selectFrom('jobs').select('key').where('key', 'like', `${prefix}%`).execute()).map(
      (j) => j.key,
    );
  const deliveryKeys = async (prefix: string) =>
    (
      await h.db.opened.db
        .selectFrom('reminder_deliveries')
        .select('job_key')
        .where('job_key', 'like', `${prefix}%`)
        .execute()
    ).map((d) => d.job_key);
  /** What the hourly beat does: re-plan (which enqueues the retention run), then run what is due. */
  const hourlyBeat = async () => {
    await h.gavel.replanAll();
    await h.gavel.tick();
  };

  it('deletes a past meeting’s jobs and deliveries after 60 days, keeps recent and pending ones, and re-planning posts nothing again', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON });
    const mine = `reminder:serverless:${MEETING}:`;
    for (const lead of [24 * 60, 10]) {
      h.clock.set(minutesBefore(MEETING, lead + 2));
      await h.gavel.tick();
      h.clock.set(minutesBefore(MEETING, lead));
    }
    expect(reminders()).toHaveLength(2);
    expect(await jobKeys(mine)).toHaveLength(2);
    expect(await deliveryKeys(mine)).toHaveLength(2);

    // 58 days on (the 24-hour reminder was handed over 59 days ago): still kept.
    h.clock.set(new Date(new Date(MEETING).getTime() + 58 * DAY_MS));
    await hourlyBeat();
    expect(await jobKeys(mine)).toHaveLength(2);
    expect(await deliveryKeys(mine)).toHaveLength(2);

    h.clock.set(new Date(new Date(MEETING).getTime() + 61 * DAY_MS));
    await hourlyBeat();
    expect(await jobKeys(mine)).toEqual([]);
    expect(await deliveryKeys(mine)).toEqual([]);
    // The retention run that just ran, and the reminders of coming meetings, stay.
    const left = await h.db.opened.db.selectFrom('jobs').select(['key', 'status']).execute();
    expect(left).toContainEqual({ key: expect.stringMatching(/^retention:/) as string, status: 'done' });
    expect(
      left.filter((j) => j.key.startsWith('reminder:') && j.status === 'pending').length,
    ).toBeGreaterThan(0);

    await hourlyBeat();
    expect(await jobKeys(mine)).toEqual([]);
    expect(reminders().filter((m) => String(m['text']).includes('Thu 26 Nov 2026'))).toHaveLength(2);
  });

  it('never posts a reminder twice: a five-week reminder’s done job is deleted only once re-planning cannot bring it back', async () => {
    // One meeting, reminded five weeks ahead: the reminder goes out in December and the meeting
    // is on 28 January. Had the done job been deleted 30 days after it ran, before the meeting,
    // the next re-plan would have enqueued the reminder again and posted it twice.
    h = await startHarness({
      engine,
      now: MONDAY_NOON,
      groupsYaml: `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [${LEAD}]
    extra_meetings: [{ date: 2027-01-28, time: "09:00", title: Planning }]
    reminders: [5w]`,
    });
    const key = 'reminder:serverless:2027-01-28T17:00:00.000Z:50400m';
    let pruned = false;
    for (let day = 0; day < 140; day++) {
      h.clock.set(new Date(new Date(MONDAY_NOON).getTime() + day * DAY_MS));
      await hourlyBeat();
      if (reminders().length > 0 && (await h.gavel.services.queue.byKey(key)) === undefined) pruned = true;
    }
    expect(pruned).toBe(true);
    expect(reminders()).toHaveLength(1);
  });
});
