import { z } from 'zod';
import { AUTO_CANCEL_MAX_MINUTES } from '../core/meeting/autoCancel.js';
import { archivePatternProblem, filePathProblem } from '../core/archive/archivePath.js';
import { parseDurationMinutes } from '../core/duration.js';
import { WEEKDAYS } from '../core/group.js';
import { isChannelId, isSlackUserId, parseLocalDate, parseLocalTime } from '../core/ids.js';
import { holidayRegionProblem } from './publicHolidays.js';

/** The groups file as people write it: snake_case keys, durations like `24h`. */

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
};

const date = z.string().refine((s) => parseLocalDate(s) !== undefined, 'expected a date YYYY-MM-DD');
const time = z
  .string()
  .refine((s) => parseLocalTime(s) !== undefined, 'expected HH:MM (24-hour, e.g. "09:00")');
const duration = z
  .string()
  .refine((s) => parseDurationMinutes(s) !== undefined, 'expected a duration like 10m, 1h or 2d');
/** How long before a meeting an empty agenda cancels it: at most 14 days. */
const noAgendaLead = duration.refine(
  (s) => (parseDurationMinutes(s) ?? 0) <= AUTO_CANCEL_MAX_MINUTES,
  'at most 14d: further ahead an empty agenda says little',
);
const slackUser = z
  .string()
  .refine(isSlackUserId, 'expected a Slack user id like U012AB3CD (profile → ⋮ → Copy member ID)');
const url = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });
const text = (max: number) =>
  z.string().trim().min(1, 'expected some text, not an empty one').max(max, `at most ${max} characters`);

const weekday = z.enum(WEEKDAYS, { error: `expected one of ${WEEKDAYS.join(', ')}` });

const frequency = z.union(
  [
    z.literal('weekly'),
    z.strictObject({ every_weeks: z.int().min(1).max(52), from: date }),
    z.strictObject({ monthly: z.enum(['1st', '2nd', '3rd', '4th', 'last']) }),
    z.strictObject({ monthly_day: z.int().min(1).max(31) }),
    // Read by the core's parseRecurrence in parseGroups, which names the part at fault.
    z.strictObject({ rrule: z.string().trim().min(1).max(500) }),
  ],
  {
    error:
      'expected weekly, {every_weeks: 2, from: YYYY-MM-DD}, {monthly: 1st|2nd|3rd|4th|last}, {monthly_day: 1-31} or {rrule: "FREQ=…"}',
  },
);

/** One of a meeting's rotating times: "08:00", or { time, join_url }. */
const rotatingTime = z.union([time, z.strictObject({ time, join_url: url.optional() })], {
  error: 'expected HH:MM or { time: HH:MM, join_url: … }',
});

const meeting = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'expected lowercase letters, digits and dashes')
    .optional(),
  title: text(150).optional(),
  // Required for weekly and monthly rules (checked in parseGroups).
  day: weekday.optional(),
  // One of time or times (checked in parseGroups).
  time: time.optional(),
  times: z.array(rotatingTime).min(2, 'give two or more times, or one time:').max(8).optional(),
  duration: duration.default('1h'),
  frequency: frequency.default('weekly'),
  from: date.optional(),
  until: date.optional(),
  join_url: url.optional(),
  dial_in: text(500).optional(),
});

const extraMeeting = z.strictObject({
  date,
  time,
  title: text(150).optional(),
  duration: duration.default('1h'),
  join_url: url.optional(),
  dial_in: text(500).optional(),
});

/** Why a meeting is not held: shown in Slack, the preview and the notice (plain text, escaped). */
const reason = text(100).refine((s) => !/[\r\n]/.test(s), 'expected one line of plain text');

/** A cancelled date: `2026-12-24`, or `{ date: 2026-12-24, reason: Christmas Eve }`. */
const cancelledDate = z.preprocess(
  (v) => (typeof v === 'string' ? { date: v } : v),
  z.strictObject({ date, reason: reason.optional() }),
);

/** Every meeting from `from` to `until` (inclusive, local dates) is cancelled. */
const meetingBreak = z.strictObject({ from: date, until: date, reason });

/** A `skip_holidays:` region, `US` or `DE-BY`: its public holidays cancel the meetings on them. */
const holidayRegion = z.string().superRefine((s, ctx) => {
  const why = holidayRegionProblem(s);
  if (why !== undefined) ctx.addIssue({ code: 'custom', message: why });
});

const googleId = z.string().regex(/^[A-Za-z0-9_-]{10,200}$/, 'expected a Google Drive/Docs id');

const minutes = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({
      mode: z.literal('per-meeting'),
      template: googleId,
      folder: googleId,
      create_before: duration.default('1h'),
    }),
    z.strictObject({
      mode: z.literal('running'),
      doc: googleId,
      create_before: duration.default('1h'),
    }),
  ],
  { error: 'expected mode: per-meeting (with template and folder) or running (with doc)' },
);

/** Plain text on one line: an agenda heading, a count's title. */
const oneLine = (max: number) =>
  text(max).refine((s) => !/[\r\n]/.test(s), 'expected one line of plain text');

/** A GitHub search whose total heads the agenda; GitHub takes queries of up to 256 characters. */
const agendaCount = z.strictObject({
  title: oneLine(80),
  query: oneLine(256),
});

const githubLogin = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'expected a GitHub login');
const githubLogins = z.record(slackUser, githubLogin);

const repoName = z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'expected owner/name');
const github = z.strictObject({
  repo: repoName,
  labels: z.array(text(50)).max(10).default([]),
  repos: z
    .array(z.string().regex(/^[A-Za-z0-9_.-]+\/(?:[A-Za-z0-9_.-]+|\*)$/, 'expected owner/name or owner/*'))
    .max(50)
    .default([]),
});

/**
 * Issues and pull requests labelled for the agenda. The label goes into a search query and a
 * comma-separated list, so quotes, commas and line breaks are refused here rather than by GitHub.
 */
const agendaGithub = z.strictObject({
  label: text(50).refine((s) => !/[",\r\n]/.test(s), 'expected a label name without quotes or commas'),
  repos: z
    .array(z.string().regex(/^[A-Za-z0-9_.-]+\/(?:[A-Za-z0-9_.-]+|\*)$/, 'expected owner/name or owner/*'))
    .min(1, 'name at least one repository (owner/name) or owner (owner/*)')
    .max(20),
});

/** One person: their organisation (for attendance and votes) and GitHub login. */
const person = z.strictObject({
  organization: text(100).optional(),
  github: githubLogin.optional(),
});

const voting = z
  .strictObject({
    attended: z.int().min(1).max(52),
    of_last: z.int().min(1).max(52),
    per: z.enum(['organization', 'person']).default('organization'),
  })
  .refine((v) => v.attended <= v.of_last, 'attended cannot be more than of_last');

const recordings = z.strictObject({
  expected: z.boolean().default(false),
  within: duration.default('24h'),
});

const wrapUp = z.strictObject({ after: duration.default('15m') });

const refined = (problem: (s: string) => string | undefined) =>
  z.string().superRefine((s, ctx) => {
    const why = problem(s);
    if (why !== undefined) ctx.addIssue({ code: 'custom', message: why });
  });

/** Where meetings are published; `repo` defaults to github.repo (checked in parseGroups). */
const archive = z.strictObject({
  repo: repoName.optional(),
  path: refined(archivePatternProblem).default('meetings/{yyyy}/{date}.md'),
  decisions: refined(filePathProblem).default('DECISIONS.md'),
  mode: z.enum(['pull-request', 'commit']).default('pull-request'),
  after: duration.default('24h'),
});

/** The group's public page: where its work lives (mailing_list may be an e-mail address). */
const links = z.strictObject({
  forum: url.optional(),
  mailing_list: z
    .union([url, z.email()], { error: 'expected an http(s) URL or an e-mail address' })
    .optional(),
  notes: url.optional(),
  recordings: url.optional(),
  repo: url.optional(),
});

const channel = z
  .string()
  .refine(
    (s) => isChannelId(s) || /^#[a-z0-9][a-z0-9_-]{0,79}$/.test(s),
    'expected a channel id (C…) or #channel-name',
  );
const timezone = z.string().refine(isTimeZone, 'expected an IANA time zone like America/Los_Angeles');
/** Where the group's people are, besides the channel members' own zones (DST notices). */
const audienceZones = z.array(timezone).max(20);
/** How long before the first meeting a clock change shifts the DST notice is posted, or off. */
// YAML 1.1 readers take a bare `off` for false; a chair writing `dst_notice: off` means off.
const dstNotice = z.union(
  [
    z.literal('off'),
    z.literal(false).transform(() => 'off' as const),
    duration.refine((s) => (parseDurationMinutes(s) ?? 0) <= 21 * 24 * 60, 'at most 21d'),
  ],
  { error: 'expected a duration like 7d (at most 21d), or off' },
);

/** The weekly digest of every group's meetings of the next week. */
const digest = z.strictObject({ channel, day: weekday, time, timezone });

export const groupSchema = z.strictObject({
  name: text(80),
  channel,
  timezone,
  leads: z.array(slackUser).min(1, 'name at least one lead').max(20),
  meetings: z.array(meeting).max(10).default([]),
  extra_meetings: z.array(extraMeeting).max(100).default([]),
  cancelled: z.array(cancelledDate).max(500).default([]),
  breaks: z.array(meetingBreak).max(20).default([]),
  skip_holidays: z.array(holidayRegion).max(20).default([]),
  reminders: z.array(duration).max(5).optional(),
  agenda: z
    .strictObject({
      rollover: z.enum(['roll-over', 'drop']).default('roll-over'),
      github: agendaGithub.optional(),
      standing: z.array(oneLine(150)).max(10, 'at most 10 standing items').default([]),
      counts: z.array(agendaCount).max(10, 'at most 10 counts').default([]),
    })
    .optional(),
  minutes: minutes.optional(),
  github: github.optional(),
  github_logins: githubLogins.optional(),
  scribes: z.array(slackUser).max(20).default([]),
  voting: voting.optional(),
  recordings: recordings.optional(),
  wrap_up: wrapUp.optional(),
  archive: archive.optional(),
  cancel_if_no_agenda: noAgendaLead.optional(),
  audience_zones: audienceZones.default([]),
  dst_notice: dstNotice.default('7d'),
  description: z
    .string()
    .trim()
    .min(1)
    .max(1000, 'at most 1000 characters (the page shows it whole)')
    .optional(),
  links: links.optional(),
});

export const groupsFileSchema = z.strictObject({
  defaults: z.strictObject({ reminders: z.array(duration).max(5).optional() }).optional(),
  github_logins: githubLogins.optional(),
  people: z.record(slackUser, person).optional(),
  digest: digest.optional(),
  groups: z.record(
    z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'group ids are lowercase letters, digits and dashes'),
    groupSchema,
  ),
});

export type GroupsFileInput = z.input<typeof groupsFileSchema>;
export type GroupsFile = z.output<typeof groupsFileSchema>;
export type GroupEntry = z.output<typeof groupSchema>;
