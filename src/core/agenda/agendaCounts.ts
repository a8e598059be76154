import { escapeMrkdwn } from '../mrkdwn.js';

/** One of the groups file's `agenda.counts`: a GitHub search whose total heads the agenda. */
export interface AgendaCountQuery {
  readonly title: string;
  /** GitHub's issue search syntax, e.g. `is:pr is:open review:required repo:cloudevents/spec`. */
  readonly query: string;
}

/** What gavel last learnt of one query (see AgendaCountRepository). */
export interface AgendaCountReading {
  readonly query: string;
  /** The last total GitHub gave, if it ever did. */
  readonly total: number | null;
  /** When `total` was read, ISO UTC. */
  readonly countedAt: string | null;
  /** Why the last refresh failed; null when it succeeded. */
  readonly failure: CountFailure | null;
}

/** `refused`: GitHub rejected the query (422), fixing it is the group's job; `unavailable`: try later. */
export interface CountFailure {
  readonly kind: 'refused' | 'unavailable';
  readonly message: string;
}

/** A count as it is shown: the title, the number (or why there is none) and the search's address. */
export interface AgendaCountLine {
  readonly title: string;
  readonly url: string;
  /** Undefined: no number to show. */
  readonly total: number | undefined;
  /** Why the number is missing or old: `GitHub refused the query`, `last known`. */
  readonly note: string | undefined;
}

/**
 * The search on github.com: pull requests when the query asks only for them, else issues
 * (GitHub's page then shows both kinds a query matches).
 */
export function searchUrl(query: string): string {
  const type = /(?:^|\s)(?:is|type):pr(?:\s|$)/i.test(query) ? 'pullrequests' : 'issues';
  return `https://github.com/search?q=${encodeURIComponent(query)}&type=${type}`;
}

/**
 * Each configured count with what is known of it: the fresh total; after a failed refresh the
 * last known one, marked; or none, saying why. Pure.
 */
export function countLines(
  queries: readonly AgendaCountQuery[],
  readings: readonly AgendaCountReading[],
): AgendaCountLine[] {
  const byQuery = new Map(readings.map((r) => [r.query, r]));
  return queries.map((q) => {
    const r = byQuery.get(q.query);
    const base = { title: q.title, url: searchUrl(q.query) };
    if (!r) return { ...base, total: undefined, note: 'not counted yet' };
    if (r.failure?.kind === 'refused') return { ...base, total: undefined, note: 'GitHub refused the query' };
    if (r.total === null) return { ...base, total: undefined, note: 'unavailable: GitHub did not answer' };
    return { ...base, total: r.total, note: r.failure ? 'last known: GitHub did not answer' : undefined };
  });
}

/** `• <https://github.com/search?…|PRs waiting for review>: 7` for Slack. */
export function countMrkdwn(line: AgendaCountLine): string {
  const title = escapeMrkdwn(line.title).replace(/[|]/g, '/');
  const value = line.total === undefined ? `_${line.note ?? 'unavailable'}_` : String(line.total);
  const note = line.total !== undefined && line.note ? ` _(${line.note})_` : '';
  return `• <${line.url.replace(/&/g, '&amp;')}|${title}>: ${value}${note}`;
}

/** `• PRs waiting for review: 7 (https://github.com/search?…)` for the minutes doc. */
export function countPlain(line: AgendaCountLine): string {
  const value = line.total === undefined ? (line.note ?? 'unavailable') : String(line.total);
  const note = line.total !== undefined && line.note ? ` [${line.note}]` : '';
  return `• ${line.title}: ${value}${note} (${line.url})`;
}
