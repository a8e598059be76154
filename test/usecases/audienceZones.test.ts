import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { ChannelId } from '../../src/core/ids.js';
import { createAudienceZones, MAX_MEMBERS_LOOKED_UP } from '../../src/usecases/dst/audienceZones.js';

const CHANNEL = 'C0WG000001' as ChannelId;

/** A workspace whose channel has `members`, member i living in zones[i % zones.length]. */
function workspace(members: readonly string[], zones: readonly (string | undefined)[]) {
  const calls = { members: 0, users: 0 };
  return {
    calls,
    channelMembers: async (_channel: string, limit: number) => {
      calls.members += 1;
      return members.slice(0, limit);
    },
    userTimeZone: async (userId: string) => {
      calls.users += 1;
      return zones[members.indexOf(userId) % zones.length];
    },
  };
}

describe('a group’s audience zones', () => {
  it('are the file’s, then the members’ most common first; looked up once a day', async () => {
    const clock = new ManualClock('2027-03-01T12:00:00Z');
    const slack = workspace(
      ['U1', 'U2', 'U3', 'U4'],
      ['Asia/Tokyo', 'Europe/Berlin', 'Asia/Tokyo', undefined],
    );
    const audience = createAudienceZones(slack, clock);
    const group = { channelId: CHANNEL, audienceZones: ['Europe/Berlin', 'Europe/London'] };
    expect(await audience.zonesOf(group)).toEqual(['Europe/Berlin', 'Europe/London', 'Asia/Tokyo']);
    clock.advance(23 * 3_600_000);
    await audience.zonesOf(group);
    expect(slack.calls).toEqual({ members: 1, users: 4 });
    clock.advance(2 * 3_600_000);
    await audience.zonesOf(group);
    expect(slack.calls).toEqual({ members: 2, users: 8 });
  });

  it('look up at most a hundred members, and leave out a zone the runtime does not know', async () => {
    const members = Array.from({ length: 150 }, (_, i) => `U${i}`);
    const slack = workspace(members, ['Mars/Olympus', 'America/New_York']);
    const audience = createAudienceZones(slack, new ManualClock('2027-03-01T12:00:00Z'));
    expect(await audience.zonesOf({ channelId: CHANNEL })).toEqual(['America/New_York']);
    expect(slack.calls.users).toBe(MAX_MEMBERS_LOOKED_UP);
  });

  it('without members (or a failed lookup), are the file’s; asked again after an hour', async () => {
    const clock = new ManualClock('2027-03-01T12:00:00Z');
    const slack = workspace([], []);
    const audience = createAudienceZones(slack, clock);
    expect(await audience.zonesOf({ channelId: CHANNEL, audienceZones: ['Europe/Berlin'] })).toEqual([
      'Europe/Berlin',
    ]);
    clock.advance(61 * 60_000);
    await audience.zonesOf({ channelId: CHANNEL });
    expect(slack.calls.members).toBe(2);
  });

  it('as cached, for a reminder due now: never a call to Slack, however old', async () => {
    const clock = new ManualClock('2027-03-01T12:00:00Z');
    const slack = workspace(['U1'], ['Asia/Tokyo']);
    const audience = createAudienceZones(slack, clock);
    expect(audience.knownZonesOf({ channelId: CHANNEL, audienceZones: ['Europe/Berlin'] })).toEqual([
      'Europe/Berlin',
    ]);
    await audience.zonesOf({ channelId: CHANNEL });
    clock.advance(30 * 24 * 3_600_000);
    expect(audience.knownZonesOf({ channelId: CHANNEL })).toEqual(['Asia/Tokyo']);
    expect(slack.calls).toEqual({ members: 1, users: 1 });
  });
});
