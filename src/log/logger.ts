import pino, { type Logger } from 'pino';

export type { Logger };

const TOKEN_PATTERNS = [
  /xox[abposr]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  /gh[pousr]_[A-Za-z0-9]{20,}/g,
  /github_pat_[A-Za-z0-9_]{20,}/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /ya29\.[A-Za-z0-9._-]+/g,
  /Bearer\s+[A-Za-z0-9._~+/=-]{8,}/g,
];

/** Replaces anything that looks like a credential, and the configured secrets, with [redacted]. */
export function makeScrubber(secrets: readonly string[]): (text: string) => string {
  const literal = secrets.filter((s) => s.length >= 6);
  return (text) => {
    let out = text;
    for (const s of literal) out = out.split(s).join('[redacted]');
    for (const p of TOKEN_PATTERNS) out = out.replace(p, '[redacted]');
    return out;
  };
}

const scrubValue = (value: unknown, scrub: (s: string) => string, depth = 0): unknown => {
  if (typeof value === 'string') return scrub(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return {
      type: value.name,
      message: scrub(value.message),
      stack: value.stack ? scrub(value.stack) : undefined,
    };
  }
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, scrub, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, scrub, depth + 1)]));
};

/**
 * JSON logs on stdout. Every argument passes a scrubber on its way out, so a token that
 * ends up in an error message from a client library still never reaches the log.
 */
export function createLogger(opts: {
  level: string;
  secrets: readonly string[];
  destination?: pino.DestinationStream;
}): Logger {
  const scrub = makeScrubber(opts.secrets);
  return pino(
    {
      level: opts.level,
      base: { app: 'gavel' },
      redact: {
        paths: [
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          'headers.authorization',
          'privateKey',
        ],
        censor: '[redacted]',
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrubValue(a, scrub)) as Parameters<typeof method>);
        },
      },
    },
    opts.destination,
  );
}
