/** Names one meeting in a button value or modal metadata: `<group>|<start ISO>`. */
export const meetingKey = (groupId: string, startsAt: string): string => `${groupId}|${startsAt}`;

export function parseMeetingKey(value: string): { groupId: string; startsAt: string } | undefined {
  const m = /^([a-z0-9][a-z0-9_-]{0,63})\|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)$/.exec(value);
  return m ? { groupId: m[1]!, startsAt: m[2]! } : undefined;
}
