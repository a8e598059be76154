import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupId } from '../../src/core/ids.js';
import { decisionId, type IssueReference } from '../../src/core/model/meetingRecord.js';
import type { MeetingRecordRepository } from '../../src/core/ports/meetingRecordRepository.js';
import { jobQueueStore } from '../../src/store/jobQueueStore.js';
import { meetingRecordStore } from '../../src/store/meetingRecordStore.js';
import { reminderDeliveryStore } from '../../src/store/reminderDeliveryStore.js';
import { MAX_ROW_ID } from '../../src/store/rowId.js';
import { slackEventStore } from '../../src/store/slackEventStore.js';
import { gid, uid } from '../support/ids.js';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases.js';

const NOW = new Date('2026-11-26T17:05:00.000Z');
const LATER = new Date('2026-11-26T17:20:00.000Z');
const NOV26 = '2026-11-26T17:00:00.000Z';
const DEC03 = '2026-12-03T17:00:00.000Z';
const DEC10 = '2026-12-10T17:00:00.000Z';
const LEAD = uid('U0LEAD001');
const [ALICE, BOB, CAROL, DAVE] = [uid('U0ALICE1'), uid('U0BOB001'), uid('U0CAROL1'), uid('U0DAVE01')];

describe.each(ENGINES)('the meeting record store on %s', (engine) => {
  let database: TestDatabase;
  let record: MeetingRecordRepository;
  let groupSeq = 0;
  /** Each test gets a group of its own, so tests never see each other's records. */
  const freshGroup = () => gid(`g${++groupSeq}`);
  const decide = (
    groupId: GroupId,
    text: string,
    over: {
      meetingStartsAt?: string;
      reference?: IssueReference | null;
      store?: MeetingRecordRepository;
    } = {},
  ) =>
    (over.store ?? record).addDecision(
      {
        groupId,
        meetingStartsAt: over.meetingStartsAt ?? NOV26,
        text,
        authorId: LEAD,
        reference: over.reference ?? null,
      },
      NOW,
    );
  const decisionTexts = async (groupId: GroupId, words: readonly string[], limit = 100) =>
    (await record.searchDecisions(groupId, words, limit)).map((d) => d.text);

  beforeAll(async () => {
    database = await freshDatabase(engine);
    record = meetingRecordStore(database.opened.db);
  });
  afterAll(async () => {
    await database.dispose();
  });

  describe('attendance', () => {
    it('records everyone checked in and lists them in the order they checked in', async () => {
      const g = freshGroup();
      expect(await record.checkIn(g, NOV26, [CAROL, ALICE], LEAD, NOW)).toEqual([CAROL, ALICE]);
      expect(await record.checkIn(g, NOV26, [BOB], BOB, LATER)).toEqual([BOB]);
      expect(await record.attendees(g, NOV26)).toEqual([
        {
          groupId: g,
          meetingStartsAt: NOV26,
          userId: CAROL,
          recordedBy: LEAD,
          recordedAt: NOW.toISOString(),
        },
        {
          groupId: g,
          meetingStartsAt: NOV26,
          userId: ALICE,
          recordedBy: LEAD,
          recordedAt: NOW.toISOString(),
        },
        { groupId: g, meetingStartsAt: NOV26, userId: BOB, recordedBy: BOB, recordedAt: LATER.toISOString() },
      ]);
    });

    it('checking in twice changes nothing', async () => {
      const g = freshGroup();
      await record.checkIn(g, NOV26, [ALICE], ALICE, NOW);
      const before = await record.attendees(g, NOV26);
      expect(await record.checkIn(g, NOV26, [ALICE], LEAD, LATER)).toEqual([]);
      expect(await record.attendees(g, NOV26)).toEqual(before);
    });

    it('returns only the people newly recorded, in the order given, and each person once', async () => {
      const g = freshGroup();
      await record.checkIn(g, NOV26, [BOB], BOB, NOW);
      expect(await record.checkIn(g, NOV26, [DAVE, BOB, ALICE, DAVE], LEAD, LATER)).toEqual([DAVE, ALICE]);
      expect((await record.attendees(g, NOV26)).map((a) => a.userId)).toEqual([BOB, DAVE, ALICE]);
    });

    it('checking in nobody records nothing', async () => {
      const g = freshGroup();
      expect(await record.checkIn(g, NOV26, [], LEAD, NOW)).toEqual([]);
      expect(await record.attendees(g, NOV26)).toEqual([]);
    });

    it('records each person once when the same people check in concurrently', async () => {
      const g = freshGroup();
      const everyone = [ALICE, BOB, CAROL, DAVE];
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => record.checkIn(g, NOV26, everyone.slice(i % 4), LEAD, NOW)),
      );
      expect(answers.flat().sort()).toEqual([...everyone].sort());
      expect((await record.attendees(g, NOV26)).map((a) => a.userId).sort()).toEqual([...everyone].sort());
    });

    it('keeps meetings and groups apart, and answers attendance at several meetings', async () => {
      const g = freshGroup();
      const other = freshGroup();
      await record.checkIn(g, NOV26, [ALICE, BOB], LEAD, NOW);
      await record.checkIn(g, DEC03, [ALICE], LEAD, NOW);
      await record.checkIn(g, DEC10, [CAROL], LEAD, NOW);
      await record.checkIn(other, DEC03, [DAVE], LEAD, NOW);
      expect(await record.attendees(g, DEC03)).toMatchObject([{ userId: ALICE }]);
      const at = await record.attendanceAt(g, [NOV26, DEC03]);
      expect(at.map((a) => [a.meetingStartsAt, a.userId])).toEqual([
        [NOV26, ALICE],
        [NOV26, BOB],
        [DEC03, ALICE],
      ]);
      expect(await record.attendanceAt(g, [])).toEqual([]);
    });
  });

  describe('absences', () => {
    it('records a leave of absence once and answers false the second time', async () => {
      const g = freshGroup();
      expect(await record.recordAbsence(g, NOV26, ALICE, LEAD, NOW)).toBe(true);
      expect(await record.recordAbsence(g, NOV26, ALICE, ALICE, LATER)).toBe(false);
      expect(await record.absencesAt(g, [NOV26])).toEqual([
        {
          groupId: g,
          meetingStartsAt: NOV26,
          userId: ALICE,
          recordedBy: LEAD,
          recordedAt: NOW.toISOString(),
        },
      ]);
    });

    it('answers the absences at the meetings asked about, of that group only', async () => {
      const g = freshGroup();
      const other = freshGroup();
      await record.recordAbsence(g, NOV26, ALICE, LEAD, NOW);
      await record.recordAbsence(g, DEC03, BOB, LEAD, NOW);
      await record.recordAbsence(g, DEC10, CAROL, LEAD, NOW);
      await record.recordAbsence(other, NOV26, DAVE, LEAD, NOW);
      const absent = await record.absencesAt(g, [DEC03, NOV26]);
      expect(absent.map((a) => [a.meetingStartsAt, a.userId])).toEqual([
        [NOV26, ALICE],
        [DEC03, BOB],
      ]);
      expect(await record.absencesAt(g, [])).toEqual([]);
    });
  });

  describe('decisions', () => {
    it('numbers decisions 1, 2, 3 per group, across the group’s meetings', async () => {
      const g = freshGroup();
      const other = freshGroup();
      expect((await decide(g, 'a')).number).toBe(1);
      expect((await decide(g, 'b', { meetingStartsAt: DEC03 })).number).toBe(2);
      expect((await decide(other, 'c')).number).toBe(1);
      expect((await decide(g, 'd')).number).toBe(3);
      expect((await record.decisionsOf(g, NOV26)).map((d) => [d.number, d.text])).toEqual([
        [1, 'a'],
        [3, 'd'],
      ]);
      expect(await record.decisionsOf(g, DEC10)).toEqual([]);
    });

    it('records the text, the author, the issue it names and the time, and finds it by id', async () => {
      const g = freshGroup();
      const reference = { owner: 'cloudevents', repo: 'spec', number: 1234 };
      const decision = await decide(g, 'Adopt CloudEvents 2.0 🚀', { reference });
      expect(decision).toEqual({
        id: decision.id,
        groupId: g,
        meetingStartsAt: NOV26,
        number: 1,
        text: 'Adopt CloudEvents 2.0 🚀',
        authorId: LEAD,
        reference,
        createdAt: NOW.toISOString(),
      });
      expect(await record.decisionById(decision.id)).toEqual(decision);
      expect((await decide(g, 'No issue')).reference).toBeNull();
    });

    it('answers no decision for an id no row can have', async () => {
      for (const id of [0, -1, 1.5, MAX_ROW_ID + 1, Number.MAX_SAFE_INTEGER]) {
        expect(await record.decisionById(decisionId(id))).toBeUndefined();
      }
      expect(await record.decisionById(decisionId(MAX_ROW_ID))).toBeUndefined();
    });

    it('numbers decisions 1, 2, 3 per group even when added concurrently', async () => {
      const g = freshGroup();
      const made = await Promise.all(Array.from({ length: 20 }, (_, i) => decide(g, `decision ${i}`)));
      // Each caller gets its own decision back, numbered in the order they came in.
      expect(made.map((d) => d.text)).toEqual(Array.from({ length: 20 }, (_, i) => `decision ${i}`));
      expect(made.map((d) => d.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect((await record.decisionsOf(g, NOV26)).map((d) => d.number)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    });

    it('keeps numbers unique when two replicas add decisions to one group at once', async () => {
      const g = freshGroup();
      // Two stores batch separately, as two processes do: only the unique index keeps them apart.
      const replicas = [record, meetingRecordStore(database.opened.db)];
      const made = await Promise.all(
        Array.from({ length: 20 }, (_, i) => decide(g, `decision ${i}`, { store: replicas[i % 2] })),
      );
      expect(new Set(made.map((d) => d.number)).size).toBe(20);
      expect((await record.decisionsOf(g, NOV26)).map((d) => d.number)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    });
  });

  describe('searching decisions', () => {
    it('search matches every word, case-insensitively, newest first', async () => {
      const g = freshGroup();
      const other = freshGroup();
      await decide(g, 'Adopt the CloudEvents SPEC');
      await decide(g, 'cloudevents: drop the old spec', { meetingStartsAt: DEC03 });
      await decide(g, 'CloudEvents SDK release');
      await decide(other, 'CloudEvents spec for the other group');
      expect(await decisionTexts(g, ['spec', 'CLOUDEVENTS'])).toEqual([
        'cloudevents: drop the old spec',
        'Adopt the CloudEvents SPEC',
      ]);
      expect(await decisionTexts(g, ['sdk'])).toEqual(['CloudEvents SDK release']);
      expect(await decisionTexts(g, ['spec', 'nowhere'])).toEqual([]);
    });

    it('search treats % and _ literally, and the escape character too', async () => {
      const g = freshGroup();
      await decide(g, 'Raise the quota by 50%');
      await decide(g, 'Raise the quota by 500');
      await decide(g, 'Rename max_batch');
      await decide(g, 'Rename maxabatch');
      await decide(g, 'Quote paths as C:\\spec');
      await decide(g, 'Quote paths as C:spec');
      expect(await decisionTexts(g, ['50%'])).toEqual(['Raise the quota by 50%']);
      expect(await decisionTexts(g, ['%'])).toEqual(['Raise the quota by 50%']);
      expect(await decisionTexts(g, ['max_batch'])).toEqual(['Rename max_batch']);
      expect(await decisionTexts(g, ['_'])).toEqual(['Rename max_batch']);
      expect(await decisionTexts(g, ['c:\\spec'])).toEqual(['Quote paths as C:\\spec']);
      expect(await decisionTexts(g, ['\\'])).toEqual(['Quote paths as C:\\spec']);
    });

    it('matches every decision of the group when given no words', async () => {
      const g = freshGroup();
      await decide(g, 'first');
      await decide(g, 'second');
      expect(await decisionTexts(g, [])).toEqual(['second', 'first']);
    });

    it('answers at most `limit` decisions, however large or odd the limit asked for', async () => {
      const g = freshGroup();
      for (let i = 1; i <= 5; i++) await decide(g, `decision ${i}`);
      expect(await decisionTexts(g, ['decision'], 2)).toEqual(['decision 5', 'decision 4']);
      expect(await decisionTexts(g, ['decision'], 2.7)).toEqual(['decision 5', 'decision 4']);
      expect(await decisionTexts(g, ['decision'], 0)).toEqual([]);
      expect(await decisionTexts(g, ['decision'], -3)).toEqual([]);
      expect(await decisionTexts(g, ['decision'], Number.NaN)).toEqual([]);
      expect(await decisionTexts(g, ['decision'], Number.POSITIVE_INFINITY)).toHaveLength(5);
    });
  });

  describe('recordings', () => {
    it('sets a meeting’s recording and replaces it with a better link', async () => {
      const g = freshGroup();
      expect(await record.recording(g, NOV26)).toBeUndefined();
      const first = await record.setRecording(g, NOV26, 'https://youtu.be/first', ALICE, NOW);
      expect(first).toEqual({
        groupId: g,
        meetingStartsAt: NOV26,
        url: 'https://youtu.be/first',
        recordedBy: ALICE,
        recordedAt: NOW.toISOString(),
      });
      const better = await record.setRecording(g, NOV26, 'https://youtu.be/better', LEAD, LATER);
      expect(better).toMatchObject({
        url: 'https://youtu.be/better',
        recordedBy: LEAD,
        recordedAt: LATER.toISOString(),
      });
      expect(await record.recording(g, NOV26)).toEqual(better);
    });

    it('answers the recordings of the meetings asked about, of that group only', async () => {
      const g = freshGroup();
      const other = freshGroup();
      await record.setRecording(g, DEC03, 'https://youtu.be/dec03', LEAD, NOW);
      await record.setRecording(g, NOV26, 'https://youtu.be/nov26', LEAD, NOW);
      await record.setRecording(g, DEC10, 'https://youtu.be/dec10', LEAD, NOW);
      await record.setRecording(other, NOV26, 'https://youtu.be/other', LEAD, NOW);
      expect((await record.recordingsOf(g, [DEC03, NOV26])).map((r) => r.url)).toEqual([
        'https://youtu.be/nov26',
        'https://youtu.be/dec03',
      ]);
      expect(await record.recordingsOf(g, [])).toEqual([]);
    });
  });

  it('answers what the group recorded since an instant: check-ins, decisions and recordings, of that group only', async () => {
    const g = freshGroup();
    const other = freshGroup();
    const EARLIER = new Date('2026-11-25T17:00:00.000Z');
    await record.checkIn(g, NOV26, [ALICE], ALICE, EARLIER);
    await record.checkIn(g, NOV26, [BOB, CAROL], LEAD, NOW);
    await decide(g, 'Recent decision');
    await record.setRecording(g, NOV26, 'https://youtu.be/recent', LEAD, LATER);
    await record.setRecording(g, DEC03, 'https://youtu.be/old', LEAD, EARLIER);
    await record.checkIn(other, NOV26, [DAVE], DAVE, NOW);

    const recent = await record.recordedSince(g, NOW.toISOString());
    expect(recent.attendance.map((a) => [a.userId, a.recordedAt])).toEqual([
      [BOB, NOW.toISOString()],
      [CAROL, NOW.toISOString()],
    ]);
    expect(recent.decisions.map((d) => d.text)).toEqual(['Recent decision']);
    expect(recent.recordings.map((r) => r.url)).toEqual(['https://youtu.be/recent']);
    expect(await record.recordedSince(g, '2026-11-27T00:00:00.000Z')).toEqual({
      attendance: [],
      decisions: [],
      recordings: [],
    });
  });

  it('names the groups that recorded anything since an instant, in one look for all groups', async () => {
    const [checkedIn, decided, recorded, quiet] = [freshGroup(), freshGroup(), freshGroup(), freshGroup()];
    await record.checkIn(checkedIn, NOV26, [ALICE], ALICE, NOW);
    await decide(decided, 'A decision');
    await record.setRecording(recorded, NOV26, 'https://youtu.be/x', LEAD, NOW);
    await record.checkIn(quiet, NOV26, [BOB], BOB, new Date('2026-11-20T17:00:00.000Z'));
    const active = await record.groupsRecordedSince(new Date(NOW.getTime() - 60_000).toISOString());
    expect([checkedIn, decided, recorded].filter((g) => active.has(g))).toEqual([
      checkedIn,
      decided,
      recorded,
    ]);
    expect(active.has(quiet)).toBe(false);
  });

  it('the record survives retention pruning', async () => {
    const g = freshGroup();
    await record.checkIn(g, NOV26, [ALICE], LEAD, NOW);
    await record.recordAbsence(g, NOV26, BOB, LEAD, NOW);
    await decide(g, 'Keep this forever');
    await record.setRecording(g, NOV26, 'https://youtu.be/kept', LEAD, NOW);
    const before = await snapshot(record, g);

    // A cut-off long after everything above: whatever retention may delete, it would delete.
    const cutoff = new Date('2100-01-01T00:00:00.000Z');
    const { db, dialect } = database.opened;
    await jobQueueStore(db, dialect).pruneFinished(cutoff, 1000);
    await reminderDeliveryStore(db).prune(cutoff, 1000);
    await slackEventStore(db).prune(cutoff);

    expect(await snapshot(record, g)).toEqual(before);
    expect(before.attendees).toHaveLength(1);
    expect(before.absences).toHaveLength(1);
    expect(before.decisions).toHaveLength(1);
    expect(before.recording).toBeDefined();
  });
});

const snapshot = async (record: MeetingRecordRepository, g: GroupId) => ({
  attendees: await record.attendees(g, NOV26),
  absences: await record.absencesAt(g, [NOV26]),
  decisions: await record.decisionsOf(g, NOV26),
  recording: await record.recording(g, NOV26),
});
