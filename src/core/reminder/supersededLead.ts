/**
 * After downtime several reminders of one meeting can be due at once (the 24 h one and the
 * 10 min one). Only the shortest lead that is due gets posted; a channel should not read two
 * reminders for the same meeting in the same minute.
 */
export function isSupersededLead(input: {
  readonly leadMinutes: number;
  readonly allLeads: readonly number[];
  readonly startsAt: Date;
  readonly now: Date;
}): boolean {
  const { leadMinutes, allLeads, startsAt, now } = input;
  return allLeads.some((lead) => lead < leadMinutes && startsAt.getTime() - lead * 60_000 <= now.getTime());
}
