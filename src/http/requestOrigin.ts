import type { IncomingMessage } from 'node:http';

const HOST = /^[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$/;

/**
 * Where the request was addressed, for links back to gavel: PUBLIC_URL when set, else the
 * Host header when it looks like one (anything else is `localhost`), over plain http.
 */
export function requestOrigin(req: IncomingMessage, publicUrl: string | undefined): URL {
  if (publicUrl) return new URL(publicUrl);
  const host = req.headers.host ?? '';
  return new URL(`http://${HOST.test(host) ? host : 'localhost'}`);
}

/** The query string's parameters (the path is checked by the route). */
export const queryOf = (req: IncomingMessage): URLSearchParams =>
  new URL(req.url ?? '/', 'http://gavel').searchParams;
