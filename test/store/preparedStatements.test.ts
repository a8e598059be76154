import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaRepository } from '../../src/core/ports/agendaRepository.js';
import { agendaStore } from '../../src/store/agendaStore.js';
import { gid, uid } from '../support/ids.js';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const MEETING = '2026-11-26T17:00:00.000Z';
const BEFORE = new Date('2027-11-23T12:00:00.000Z');

// Only PostgreSQL prepares statements; SQLite caches its own (cachedStatements).
describe.runIf(ENGINES.includes('postgres'))('prepared statements on PostgreSQL', () => {
  let database: TestDatabase;
  let agenda: AgendaRepository;
  let admin: pg.Client;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    agenda = agendaStore(database.opened.db, database.opened.dialect);
    admin = new pg.Client({ connectionString: database.databaseUrl });
    await admin.connect();
    await database.opened.db
      .insertInto('occurrences')
      .values({
        group_id: 'g1',
        starts_at: MEETING,
        ends_at: '2026-11-26T18:00:00.000Z',
        local_date: '2026-11-26',
        title: 'Weekly call',
        source: 'rule',
        rule_id: null,
        status: 'scheduled',
        cancelled_by: null,
        join_url: null,
        dial_in: null,
        minutes_doc_id: null,
        minutes_url: null,
        created_at: NOW.toISOString(),
        updated_at: NOW.toISOString(),
      })
      .execute();
  });
  afterAll(async () => {
    await admin.end();
    await database.dispose();
  });

  const add = (topic: string) =>
    agenda.addToMeetingAtHand(
      { groupId: gid('g1'), topic, details: null, authorId: uid('U0MEMBER1') },
      NOW,
      BEFORE,
    );

  it('keeps working when a migration elsewhere changes what a prepared statement returns', async () => {
    expect((await add('First'))?.item.number).toBe(1);
    // Another replica's newer code adds a column: `returning *` of the prepared insert no
    // longer has the shape PostgreSQL planned, and it refuses to run it as it was.
    await admin.query('alter table agenda_items add column added_by_a_later_migration text');
    const second = await add('Second');
    expect(second?.item).toMatchObject({ number: 2, topic: 'Second' });
    expect((await add('Third'))?.item.number).toBe(3);
  });
});
