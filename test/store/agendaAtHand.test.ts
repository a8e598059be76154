import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseMeeting } from '../../src/core/agenda/meetingChoice.js';
import { DAY_MS, MINUTE_MS } from '../../src/core/duration.js';
import type { AgendaRepository } from '../../src/core/ports/agendaRepository.js';
import { agendaStore } from '../../src/store/agendaStore.js';
import { toOccurrence } from '../../src/store/domainRows.js';
import { gid, uid } from '../support/ids.js';
import type { GroupId } from '../../src/core/ids.js';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const AHEAD_MS = 400 * DAY_MS;
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
const SEED = Number(process.env['GAVEL_PROPERTY_SEED'] ?? 20261201);

/** A group's meetings: starts from two days before NOW to a week after, some cancelled. */
const meetingsArb = fc.uniqueArray(
  fc.record({
    // Often near NOW, so that now falls on a start or an end as well as between them.
    offsetMinutes: fc.oneof(
      fc.integer({ min: -150, max: 90 }),
      fc.integer({ min: -2 * 24 * 60, max: 7 * 24 * 60 }),
    ),
    durationMinutes: fc.oneof(
      fc.integer({ min: 1, max: 120 }),
      fc.integer({ min: 1, max: 30 * 60 }),
      // Longer than a day: still in progress when it stops counting as the meeting at hand.
      fc.integer({ min: 24 * 60 + 1, max: 30 * 60 }),
    ),
    cancelled: fc.boolean(),
  }),
  { maxLength: 6, selector: (m) => m.offsetMinutes },
);

/**
 * When the add happens: on a meeting's start or end, or a day after its start (how long a
 * meeting counts as in progress), a millisecond either side of it, or anywhere from 90 minutes before NOW to after.
 */
const nowArb = fc.oneof(
  fc.record({
    meeting: fc.nat(),
    edge: fc.constantFrom('startsAt' as const, 'endsAt' as const, 'dayAfterStart' as const),
    deltaMs: fc.constantFrom(-1, 0, 1),
  }),
  fc.record({ shiftMinutes: fc.integer({ min: -90, max: 90 }) }),
);

function nowFor(at: ValueOf<typeof nowArb>, stored: readonly { startsAt: string; endsAt: string }[]): Date {
  if ('shiftMinutes' in at || stored.length === 0) {
    return new Date(NOW.getTime() + ('shiftMinutes' in at ? at.shiftMinutes : 0) * MINUTE_MS);
  }
  const meeting = stored[at.meeting % stored.length]!;
  const edge =
    at.edge === 'dayAfterStart'
      ? new Date(meeting.startsAt).getTime() + DAY_MS
      : new Date(meeting[at.edge]).getTime();
  return new Date(edge + at.deltaMs);
}

describe.each(ENGINES)('the meeting at hand on %s', (engine) => {
  let database: TestDatabase;
  let agenda: AgendaRepository;
  let groupSeq = 0;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    agenda = agendaStore(database.opened.db, database.opened.dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });

  const meetingsOf = async (groupId: string, meetings: ValueOf<typeof meetingsArb>, at: Date) => {
    const rows = meetings.map((m) => {
      const startsAt = new Date(at.getTime() + m.offsetMinutes * MINUTE_MS);
      return {
        group_id: groupId,
        starts_at: startsAt.toISOString(),
        ends_at: new Date(startsAt.getTime() + m.durationMinutes * MINUTE_MS).toISOString(),
        local_date: startsAt.toISOString().slice(0, 10),
        title: 'Weekly call',
        source: 'rule' as const,
        rule_id: null,
        status: m.cancelled ? ('cancelled' as const) : ('scheduled' as const),
        cancelled_by: m.cancelled ? 'U0LEAD001' : null,
        join_url: null,
        dial_in: null,
        minutes_doc_id: null,
        minutes_url: null,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      };
    });
    if (rows.length === 0) return [];
    return (await database.opened.db.insertInto('occurrences').values(rows).returningAll().execute()).map(
      toOccurrence,
    );
  };

  it('is the meeting chooseMeeting picks for an add without a date, or none when it picks none', async () => {
    await fc.assert(
      fc.asyncProperty(meetingsArb, nowArb, async (meetings, at) => {
        const groupId = gid(`at-hand-${++groupSeq}`);
        const stored = await meetingsOf(groupId, meetings, NOW);
        const now = nowFor(at, stored);
        const around = stored.filter(
          (o) =>
            o.startsAt >= new Date(now.getTime() - DAY_MS).toISOString() &&
            o.startsAt < new Date(now.getTime() + AHEAD_MS).toISOString(),
        );
        const choice = chooseMeeting({
          purpose: 'add',
          date: undefined,
          around,
          onDate: [],
          now,
          timeZone: 'UTC',
        });
        const added = await agenda.addToMeetingAtHand(
          { groupId, topic: 'Topic', details: null, authorId: uid('U0MEMBER1') },
          now,
          new Date(now.getTime() + AHEAD_MS),
        );
        if (!choice.ok) {
          expect(added).toBeUndefined();
          return;
        }
        expect(added?.meeting).toEqual({ startsAt: choice.meeting.startsAt, endsAt: choice.meeting.endsAt });
        expect(added?.item).toMatchObject({
          meetingStartsAt: choice.meeting.startsAt,
          number: 1,
          status: 'open',
        });
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  /** A group of its own whose one meeting starts an hour after NOW. */
  const groupWithNextMeeting = async () => {
    const groupId = gid(`at-hand-${++groupSeq}`);
    const [meeting] = await meetingsOf(
      groupId,
      [{ offsetMinutes: 60, durationMinutes: 60, cancelled: false }],
      NOW,
    );
    return { groupId, meeting: meeting! };
  };
  const addAtHand = (groupId: GroupId, topic: string) =>
    agenda.addToMeetingAtHand(
      { groupId, topic, details: null, authorId: uid('U0MEMBER1') },
      NOW,
      new Date(NOW.getTime() + AHEAD_MS),
    );

  it('numbers 30 racing adds 1 to 30 on the one meeting, after the items it already has', async () => {
    const { groupId, meeting } = await groupWithNextMeeting();
    await agenda.add(
      {
        groupId,
        meetingStartsAt: meeting.startsAt,
        topic: 'Before',
        details: null,
        authorId: uid('U0MEMBER1'),
      },
      NOW,
    );
    const added = await Promise.all(Array.from({ length: 30 }, (_, i) => addAtHand(groupId, `Topic ${i}`)));
    expect(added.map((a) => a?.item.number).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 2),
    );
    const stored = await agenda.forMeeting(groupId, meeting.startsAt);
    expect(stored.map((i) => i.topic).sort()).toEqual(['Before', ...added.map((a) => a!.item.topic)].sort());
  });

  it('adds nothing to a meeting cancelled since, and says there is none', async () => {
    const { groupId, meeting } = await groupWithNextMeeting();
    await database.opened.db
      .updateTable('occurrences')
      .set({ status: 'cancelled', cancelled_by: 'U0LEAD001' })
      .where('id', '=', meeting.id)
      .execute();
    const added = await addAtHand(groupId, 'Too late');
    expect(added).toBeUndefined();
    expect(await agenda.forMeeting(groupId, meeting.startsAt)).toEqual([]);
  });
});
