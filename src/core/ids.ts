// Branded identifiers: a GroupId can never be passed where a Slack user id is expected.
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** The key of a group in groups.yml, e.g. `serverless`. */
export type GroupId = Brand<string, 'GroupId'>;
/** A Slack user id, e.g. `U012AB3CD`. */
export type SlackUserId = Brand<string, 'SlackUserId'>;
/** A Slack conversation id, e.g. `C012AB3CD`. */
export type ChannelId = Brand<string, 'ChannelId'>;
/** A calendar date in a group's zone, `YYYY-MM-DD`. */
export type LocalDate = Brand<string, 'LocalDate'>;
/** A wall-clock time in a group's zone, `HH:MM` (24 h). */
export type LocalTime = Brand<string, 'LocalTime'>;

export const groupId = (s: string) => s as GroupId;
export const slackUserId = (s: string) => s as SlackUserId;
export const channelId = (s: string) => s as ChannelId;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A real calendar date (rejects 2026-02-30), or undefined. */
export function parseLocalDate(s: string): LocalDate | undefined {
  const m = LOCAL_DATE.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    return undefined;
  }
  return s as LocalDate;
}

export function parseLocalTime(s: string): LocalTime | undefined {
  return LOCAL_TIME.test(s) ? (s as LocalTime) : undefined;
}

export const isSlackUserId = (s: string): s is SlackUserId => /^[UW][A-Z0-9]{2,20}$/.test(s);
export const isChannelId = (s: string): s is ChannelId => /^[CGD][A-Z0-9]{2,20}$/.test(s);
